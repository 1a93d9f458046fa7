/** Decoder rules from PIX_SPEC §1: what is refused (and with which field) and what is tolerated with a warning. */
import { describe, expect, it } from 'vitest';
import { BrCodeError, decodeBrCode } from '../../../functions/core/pix/index.js';
import { handStatic, t, withCrc } from './support.js';

const GUI = t('00', 'br.gov.bcb.pix');
const KEY = t('01', '12345678909');
const URL = 'pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd441';

function fieldOf(payload: unknown): string {
  try {
    decodeBrCode(payload as string);
  } catch (e) {
    if (e instanceof BrCodeError) return e.field;
    throw new Error(`expected BrCodeError, got ${String(e)}`);
  }
  throw new Error('expected the payload to be refused');
}

function warningFields(payload: string): string[] {
  return decodeBrCode(payload).warnings.map((w) => w.slice(0, w.indexOf(':')));
}

function dynamic(parts: { mai?: string; extra?: string; additional?: string } = {}): string {
  return withCrc(
    '000201010212' + t('26', parts.mai ?? GUI + t('25', URL)) + '520400005303986' + (parts.extra ?? '') +
      '5802BR5913FULANO DE TAL6008BRASILIA' + t('62', parts.additional ?? t('05', '***')),
  );
}

describe('decodeBrCode: a hand-built static code', () => {
  it('decodes every field with the API.md names, amount in centavos and amount_text as written', () => {
    const p = handStatic({ mai: GUI + KEY + t('02', 'Pedido 42') + t('03', '12345678'), extra: t('54', '1234.56'), additional: t('05', 'PEDIDO42') });
    expect(decodeBrCode(p)).toEqual({
      kind: 'static',
      fields: {
        payload_format_indicator: '01', gui: 'br.gov.bcb.pix', key: '12345678909', additional_info: 'Pedido 42', fss: '12345678',
        mcc: '0000', currency: '986', amount: 123456, amount_text: '1234.56', country: 'BR', merchant_name: 'FULANO DE TAL',
        merchant_city: 'BRASILIA', txid: 'PEDIDO42', crc: p.slice(-4),
      },
      warnings: [],
    });
  });

  it('reads the largest amount the API allows, 9999999999.99, exactly (no float rounding)', () => {
    expect(decodeBrCode(handStatic({ extra: t('54', '9999999999.99') })).fields.amount).toBe(999_999_999_999);
    expect(decodeBrCode(handStatic({ extra: t('54', '0.07') })).fields.amount).toBe(7);
  });

  it('reads the postal code (61) and the point of initiation method (01)', () => {
    const p = withCrc('000201010211' + t('26', GUI + KEY) + '5204752153039865802BR5905LOJA 6009SAO PAULO610801310100' + t('62', t('05', '***')));
    const d = decodeBrCode(p);
    expect(d.fields).toMatchObject({ point_of_initiation_method: '11', mcc: '7521', postal_code: '01310100' });
  });
});

describe('decodeBrCode: generic TLV, order-independent', () => {
  it('accepts the objects between 00 and 63 in any order', () => {
    const body = '000201' + '5802BR' + t('62', t('05', '***')) + '6008BRASILIA' + '5303986' + t('26', KEY + GUI) + '5913FULANO DE TAL' + '52040000';
    const d = decodeBrCode(withCrc(body));
    expect(d.kind).toBe('static');
    expect(d.fields.key).toBe('12345678909');
    expect(Object.keys(d.fields)).toEqual(['payload_format_indicator', 'gui', 'key', 'mcc', 'currency', 'country', 'merchant_name', 'merchant_city', 'txid', 'crc']);
  });

  it('finds the Pix template at any ID in 26–51, skips other schemes, and compares the GUI case-insensitively', () => {
    const other = t('26', t('00', 'com.example.wallet') + t('01', 'abc'));
    const p = withCrc('000201' + other + t('27', t('00', 'BR.GOV.BCB.PIX') + KEY) + '520400005303986' + '5802BR5913FULANO DE TAL6008BRASILIA' + t('62', t('05', '***')));
    const d = decodeBrCode(p);
    expect(d.fields.gui).toBe('BR.GOV.BCB.PIX');
    expect(d.fields.key).toBe('12345678909');
    expect(d.warnings).toEqual([]);
  });

  it('ignores the BR Code version template 62.50 seen in bank QRs', () => {
    const p = handStatic({ additional: t('05', '***') + t('50', t('00', 'BR.GOV.BCB.BRCODE') + t('01', '1.0.0')) });
    expect(decodeBrCode(p).warnings).toEqual([]);
  });
});

describe('decodeBrCode: refusals name the field', () => {
  it.each([
    ['non-string input', 42, 'payload'],
    ['empty payload', '', 'payload'],
    ['whitespace only', '   ', 'payload'],
    ['more than 512 characters', handStatic({ mai: GUI + KEY }).padStart(513, '0'), 'payload'],
    ['no CRC object at all', '000201', '63'],
    ['CRC value not hex', handStatic().slice(0, -4) + 'XYZW', '63'],
    ['wrong CRC', handStatic().slice(0, -4) + (handStatic().endsWith('0000') ? '0001' : '0000'), '63'],
  ])('%s → %s', (_label, payload, field) => {
    expect(fieldOf(payload)).toBe(field);
  });

  it('refuses a payload not starting with 00, or with 00 other than "01"', () => {
    expect(fieldOf(withCrc('5802BR000201' + t('26', GUI + KEY) + '5204000053039865913FULANO DE TAL6008BRASILIA'))).toBe('00');
    expect(fieldOf(handStatic({ head: '000202' }))).toBe('00');
  });

  it('refuses a payload whose trailing "6304XXXX" lies inside another object (63 not an object of its own)', () => {
    // 62 (LEN 14) swallows "0502AB" + "6304" + the 4 CRC digits: the CRC matches, but 63 is not the last object.
    const p = withCrc('000201' + t('26', GUI + KEY) + '5204000053039865802BR5913FULANO DE TAL6008BRASILIA' + '6214' + '0502AB');
    expect(fieldOf(p)).toBe('63');
    expect(() => decodeBrCode(p)).toThrow(/last object/);
  });

  it('refuses broken TLV: a non-digit ID or LEN, LEN 00, a value running past the end, and names the object', () => {
    expect(fieldOf(withCrc('000201' + t('26', GUI + KEY) + '52X40000'))).toBe('52');
    expect(fieldOf(withCrc('000201' + t('26', GUI + KEY) + 'A2040000'))).toBe('payload');
    expect(fieldOf(withCrc('000201' + t('26', GUI + KEY) + '5200'))).toBe('52');
    expect(fieldOf(handStatic({ mai: GUI + '0120123' }))).toBe('26.01');
    expect(fieldOf(handStatic({ additional: '0599***' }))).toBe('62.05');
  });

  it('refuses an ID that appears twice (two amounts would make the code ambiguous)', () => {
    expect(fieldOf(handStatic({ extra: t('54', '1.00') + t('54', '2.00') }))).toBe('54');
    expect(fieldOf(handStatic({ mai: GUI + KEY + t('01', '12345678909') }))).toBe('26.01');
  });

  it('refuses a code with no Pix merchant account template, or with a non-Pix GUI only', () => {
    expect(fieldOf(withCrc('0002015204000053039865802BR5913FULANO DE TAL6008BRASILIA' + t('62', t('05', '***'))))).toBe('26');
    expect(fieldOf(handStatic({ mai: t('00', 'br.gov.bcb.pixx') + KEY }))).toBe('26');
    expect(fieldOf(handStatic({ mai: KEY }))).toBe('26');
  });

  it('refuses both a key (26.01) and a URL (26.25), naming 26.25', () => {
    expect(fieldOf(handStatic({ mai: GUI + KEY + t('25', URL) }))).toBe('26.25');
  });

  it('refuses a Pix template with neither key nor URL when there is no recurrence URL (80.25)', () => {
    expect(fieldOf(handStatic({ mai: GUI }))).toBe('26');
    expect(fieldOf(handStatic({ mai: GUI + t('02', 'only info') }))).toBe('26');
  });

  it('refuses two Pix merchant account templates', () => {
    const p = withCrc('000201' + t('26', GUI + KEY) + t('27', GUI + KEY) + '5204000053039865802BR5913FULANO DE TAL6008BRASILIA');
    expect(fieldOf(p)).toBe('27');
  });

  it('accepts a 77-character key and URL, which fill the 99-character template exactly, and refuses one more character', () => {
    const key = `${'a'.repeat(68)}@x.com.br`;
    expect(decodeBrCode(handStatic({ mai: GUI + t('01', key) })).fields.key).toBe(key);
    const url = `pix.example.com/${'a'.repeat(61)}`;
    expect(decodeBrCode(dynamic({ mai: GUI + t('25', url) })).fields.url).toBe(url);
    // One more character makes 26 LEN 100, which two digits cannot express: the structure breaks.
    expect(() => decodeBrCode(handStatic({ mai: GUI + t('01', `a${key}`) }))).toThrow(BrCodeError);
  });

  it.each([
    ['52 not 4 digits', { extra: '' }, '52', (p: string) => p.replace('52040000', '5204ABCD')],
    ['53 not 986', {}, '53', (p: string) => p.replace('5303986', '5303840')],
    ['58 not BR', {}, '58', (p: string) => p.replace('5802BR', '5802US')],
    ['01 not 11/12', { head: '000201010213' }, '01', (p: string) => p],
  ])('refuses %s', (_l, parts, field, edit) => {
    const raw = handStatic(parts);
    const body = edit(raw.slice(0, -8));
    expect(fieldOf(withCrc(body))).toBe(field);
  });

  it('refuses a merchant name over 25 and a city over 15 characters', () => {
    expect(fieldOf(handStatic({ name: 'A'.repeat(26) }))).toBe('59');
    expect(fieldOf(handStatic({ city: 'B'.repeat(16) }))).toBe('60');
  });

  it('refuses a code missing a mandatory object (52, 53, 58, 59, 60)', () => {
    const full = handStatic().slice(0, -8);
    for (const [id, obj] of [['52', '52040000'], ['53', '5303986'], ['58', '5802BR'], ['59', '5913FULANO DE TAL'], ['60', '6008BRASILIA']]) {
      expect(fieldOf(withCrc(full.replace(obj!, ''))), id).toBe(id);
    }
  });

  it.each([
    ['comma separator', '10,50'],
    ['thousands separator', '1.000.00'],
    ['negative', '-1.00'],
    ['three decimals', '1.005'],
    ['leading dot', '.50'],
    ['trailing dot', '10.'],
    ['exponent', '1e3'],
    ['14 characters', '12345678901.00'],
  ])('refuses an amount (54) with %s', (_l, amount) => {
    expect(fieldOf(handStatic({ extra: t('54', amount) }))).toBe('54');
  });
});

describe('decodeBrCode: tolerated deviations are accepted and reported in warnings', () => {
  it('a txid in a dynamic code (Stone, Safra, BS2) is kept but flagged as not to be trusted', () => {
    const d = decodeBrCode(dynamic({ additional: t('05', 'STONE0000000123456789abc') }));
    expect(d.kind).toBe('dynamic');
    expect(d.fields.txid).toBe('STONE0000000123456789abc');
    expect(warningFields(dynamic({ additional: t('05', 'ABC') }))).toEqual(['62.05']);
  });

  it('https:// in the URL is kept as written and flagged', () => {
    const d = decodeBrCode(dynamic({ mai: GUI + t('25', `https://${URL}`) }));
    expect(d.fields.url).toBe(`https://${URL}`);
    expect(d.warnings.map((w) => w.split(':')[0])).toEqual(['26.25']);
  });

  it('non-ASCII text with LEN counting characters and CRC over UTF-8 bytes (vector V_B4F6 "BRASÍLIA")', () => {
    const d = decodeBrCode(handStatic({ city: 'BRASÍLIA' }));
    expect(d.fields.merchant_city).toBe('BRASÍLIA');
    expect(warningFields(handStatic({ city: 'BRASÍLIA' }))).toEqual(['60']);
    expect(decodeBrCode(handStatic({ name: 'JOÃO', city: 'SÃO PAULO' })).warnings[0]).toMatch(/^59: .*also in 60/);
  });

  it('lower-case CRC hex', () => {
    const p = handStatic();
    const lower = p.slice(0, -4) + p.slice(-4).toLowerCase();
    if (lower === p) return expect(p.slice(-4)).toMatch(/^\d{4}$/); // all-digit CRC: nothing to lower-case
    const d = decodeBrCode(lower);
    expect(d.fields.crc).toBe(p.slice(-4).toLowerCase());
    expect(warningFields(lower)).toEqual(['63']);
  });

  it('an amount not written with 2 decimals, and a zero amount', () => {
    expect(decodeBrCode(handStatic({ extra: t('54', '5') })).fields).toMatchObject({ amount: 500, amount_text: '5' });
    expect(decodeBrCode(handStatic({ extra: t('54', '5.5') })).fields.amount).toBe(550);
    expect(warningFields(handStatic({ extra: t('54', '5.5') }))).toEqual(['54']);
    expect(warningFields(handStatic({ extra: t('54', '0.00') }))).toEqual(['54']);
  });

  it('an amount in a dynamic code (payers must ignore it, bacen/pix-api#245)', () => {
    const d = decodeBrCode(dynamic({ extra: t('54', '10.00') }));
    expect(d.fields.amount).toBe(1000);
    expect(d.warnings.map((w) => w.split(':')[0])).toEqual(['54']);
  });

  it('a 62 without 05 (Itaú homologation, V_10C4) and a missing 62', () => {
    expect(warningFields(handStatic({ additional: t('50', t('00', 'BR.GOV.BCB.BRCODE')) }))).toEqual(['62.05']);
    const d = decodeBrCode(handStatic({ additional: null }));
    expect(d.fields.txid).toBeUndefined();
    expect(d.warnings.map((w) => w.split(':')[0])).toEqual(['62']);
  });

  it('a static txid with characters outside [A-Za-z0-9] (qrcode-pix "my_transaction_id", V_61CE)', () => {
    const d = decodeBrCode(handStatic({ additional: t('05', 'my_transaction_id') }));
    expect(d.fields.txid).toBe('my_transaction_id');
    expect(warningFields(handStatic({ additional: t('05', 'my_transaction_id') }))).toEqual(['62.05']);
  });

  it('a key matching no DICT format (e.g. "43214833", NascentSecureTech#4) or a CPF with wrong check digits', () => {
    expect(warningFields(handStatic({ mai: GUI + t('01', '43214833') }))).toEqual(['26.01']);
    expect(warningFields(handStatic({ mai: GUI + t('01', '12345678900') }))).toEqual(['26.01']);
    expect(decodeBrCode(handStatic({ mai: GUI + t('01', '12345678900') })).warnings[0]).toContain('CPF');
  });

  it('surrounding whitespace from copy-paste is removed', () => {
    const p = handStatic();
    expect(decodeBrCode(` ${p}\n`).fields).toEqual(decodeBrCode(p).fields);
    expect(warningFields(` ${p}\n`)).toEqual(['payload']);
  });

  it('a postal code that is not 8 digits, an unknown 26 sub-object and objects Pix does not use', () => {
    const p = withCrc('000201' + t('26', GUI + KEY + t('04', 'x')) + '52040000530398655020156010' + '5802BR5913FULANO DE TAL6008BRASILIA' + t('61', '123') + t('62', t('05', '***')));
    expect(warningFields(p)).toEqual(['55', '56', '61', '26.04']);
  });

  it('key-side objects (26.02, 26.03) in a dynamic code', () => {
    expect(warningFields(dynamic({ mai: GUI + t('25', URL) + t('02', 'info') }))).toEqual(['26.02']);
  });
});

describe('decodeBrCode: kinds (PIX_SPEC §1.2)', () => {
  const rec = t('80', GUI + t('25', 'pix.example.com/qr/v2/rec/abc'));
  const body = (mai: string, head = '000201') =>
    withCrc(head + t('26', mai) + '5204000053039865802BR5913FULANO DE TAL6008BRASILIA' + t('62', t('05', '***')) + rec);

  it('26 with only the GUI plus 80.25 is rec-only', () => {
    expect(decodeBrCode(body(GUI)).kind).toBe('rec-only');
    expect(decodeBrCode(body(GUI)).fields.rec_url).toBe('pix.example.com/qr/v2/rec/abc');
  });

  it('a static key plus 80.25 is composite and keeps the key', () => {
    const d = decodeBrCode(body(GUI + KEY));
    expect(d.kind).toBe('composite');
    expect(d.fields.key).toBe('12345678909');
  });

  it('a cob URL plus 80.25 is composite and keeps both URLs', () => {
    const d = decodeBrCode(body(GUI + t('25', URL), '000201010212'));
    expect(d.kind).toBe('composite');
    expect(d.fields).toMatchObject({ url: URL, rec_url: 'pix.example.com/qr/v2/rec/abc' });
  });

  it('a template 80 with another GUI is not a recurrence location', () => {
    const p = withCrc('000201' + t('26', GUI + KEY) + '5204000053039865802BR5913FULANO DE TAL6008BRASILIA' + t('62', t('05', '***')) + t('80', t('00', 'com.example') + t('25', 'x.example/1')));
    expect(decodeBrCode(p).kind).toBe('static');
    expect(decodeBrCode(p).fields.rec_url).toBeUndefined();
  });
});
