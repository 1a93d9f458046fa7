/** Encoder rules from PIX_SPEC §1: strict output, and the BACEN examples reproduced object for object. */
import { parsePix, hasError } from 'pix-utils';
import { describe, expect, it } from 'vitest';
import { BrCodeError, PixKeyError, decodeBrCode, encodeBrCode, type BrCodeInput, type StaticBrCodeInput } from '../../../functions/core/pix/index.js';
import vectors from './sample-vectors.json' with { type: 'json' };
import { refCrcHex } from './support.js';

const base: StaticBrCodeInput = { kind: 'static', key: '12345678909', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' };

function vector(id: string): string {
  const v = vectors.valid.find((x) => x.id === id);
  if (!v) throw new Error(id);
  return v.payload;
}

/** The vector as our encoder writes it: name upper-cased, CRC recomputed by the reference CRC. */
function upperNamed(payload: string): string {
  const body = payload.slice(0, -4).replace('5913Fulano de Tal', '5913FULANO DE TAL');
  return body + refCrcHex(body);
}

function fieldOf(input: BrCodeInput): string {
  try {
    encodeBrCode(input);
  } catch (e) {
    if (e instanceof BrCodeError) return e.field;
    throw e;
  }
  throw new Error('expected the input to be refused');
}

describe('encodeBrCode reproduces the BACEN examples (name upper-cased, as generators should; PIX_SPEC §1.1)', () => {
  const common = { merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' };
  it('V_1D3D static with an EVP key', () => {
    expect(encodeBrCode({ kind: 'static', key: '123e4567-e12b-12d1-a456-426655440000', ...common })).toBe(upperNamed(vector('V_1D3D')));
  });
  it('V_64E4 dynamic (01=12, URL without scheme, *** txid)', () => {
    expect(encodeBrCode({ kind: 'dynamic', url: 'pix.example.com/8b3da2f39a4140d1a91abd93113bd441', ...common })).toBe(upperNamed(vector('V_64E4')));
  });
  it('V_62C9 rec-only (26 holds only the GUI, URL in 80.25)', () => {
    expect(encodeBrCode({ kind: 'rec-only', recUrl: 'pix.example.com/qr/v2/rec/2353c790eefb11eaadc10242ac120002', ...common })).toBe(upperNamed(vector('V_62C9')));
  });
  it('V_7741 composite (cob URL in 26.25 + rec URL in 80.25)', () => {
    const input: BrCodeInput = {
      kind: 'composite', ...common,
      url: 'pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd441',
      recUrl: 'pix.example.com/qr/v2/rec/94ed2badcbc04c15b0bb7fa353194890',
    };
    expect(encodeBrCode(input)).toBe(upperNamed(vector('V_7741')));
  });
});

describe('encodeBrCode: strict output', () => {
  it('strips diacritics and upper-cases name and city, keeps the case of additional info', () => {
    const d = decodeBrCode(encodeBrCode({ ...base, merchantName: '  João  da Conceição ', merchantCity: 'São Paulo', additionalInfo: 'Pedido nº 42 ação' }));
    expect(d.fields).toMatchObject({ merchant_name: 'JOAO DA CONCEICAO', merchant_city: 'SAO PAULO', additional_info: 'Pedido no 42 acao' });
    expect(d.warnings).toEqual([]);
  });

  it('writes amounts as \\d{1,10}\\.\\d{2} from integer centavos', () => {
    const amount = (a: number) => decodeBrCode(encodeBrCode({ ...base, amount: a })).fields.amount_text;
    expect(amount(1)).toBe('0.01');
    expect(amount(1050)).toBe('10.50');
    expect(amount(100)).toBe('1.00');
    expect(amount(999_999_999_999)).toBe('9999999999.99');
  });

  it.each([0, -1, 10.5, 1_000_000_000_000, Number.NaN])('refuses the amount %s (54)', (a) => {
    expect(fieldOf({ ...base, amount: a })).toBe('54');
  });

  it('writes *** without a txid and the txid when given; refuses a txid outside 1–25 [A-Za-z0-9] (62.05)', () => {
    expect(decodeBrCode(encodeBrCode(base)).fields.txid).toBe('***');
    expect(decodeBrCode(encodeBrCode({ ...base, txid: 'Pedido42' })).fields.txid).toBe('Pedido42');
    for (const txid of ['my_txid', 'a-b', 'with space', 'A'.repeat(26), '']) expect(fieldOf({ ...base, txid }), txid).toBe('62.05');
  });

  it('refuses name > 25, city > 15, empty or non-ASCII-after-stripping text, naming 59 / 60 / 26.02', () => {
    expect(fieldOf({ ...base, merchantName: 'A'.repeat(26) })).toBe('59');
    expect(fieldOf({ ...base, merchantName: '   ' })).toBe('59');
    expect(fieldOf({ ...base, merchantName: 'Café €' })).toBe('59');
    expect(fieldOf({ ...base, merchantCity: 'RIO GRANDE DO NORTE' })).toBe('60');
    expect(fieldOf({ ...base, additionalInfo: '日本' })).toBe('26.02');
    expect(fieldOf({ ...base, additionalInfo: 'x'.repeat(73) })).toBe('26.02');
  });

  it('refuses key + additional info over the 99-character template (26)', () => {
    expect(fieldOf({ ...base, key: `${'a'.repeat(60)}@example.com`, additionalInfo: 'x'.repeat(20) })).toBe('26');
  });

  it('refuses a bad key with PixKeyError naming the expected type', () => {
    expect(() => encodeBrCode({ ...base, key: '12345678900' })).toThrow(PixKeyError);
    try {
      encodeBrCode({ ...base, key: '123.456.789-09' });
    } catch (e) {
      expect((e as PixKeyError).expectedType).toBe('cpf');
    }
  });

  it('refuses a URL with a scheme, spaces or over 77 characters (26.25 / 80.25)', () => {
    const dyn = { kind: 'dynamic' as const, merchantName: 'X', merchantCity: 'Y' };
    expect(fieldOf({ ...dyn, url: 'https://pix.example.com/a' })).toBe('26.25');
    expect(fieldOf({ ...dyn, url: 'pix.example.com/a b' })).toBe('26.25');
    expect(fieldOf({ ...dyn, url: `pix.example.com/${'a'.repeat(62)}` })).toBe('26.25');
    expect(fieldOf({ kind: 'rec-only', merchantName: 'X', merchantCity: 'Y', recUrl: 'http://x.example/rec' })).toBe('80.25');
  });

  it('refuses a composite with both or neither of key and URL (26)', () => {
    const both = { kind: 'composite', merchantName: 'X', merchantCity: 'Y', recUrl: 'r.example/1', key: '12345678909', url: 'u.example/1' } as unknown as BrCodeInput;
    const neither = { kind: 'composite', merchantName: 'X', merchantCity: 'Y', recUrl: 'r.example/1' } as unknown as BrCodeInput;
    expect(fieldOf(both)).toBe('26');
    expect(fieldOf(neither)).toBe('26');
  });

  it('writes 01=12 by default only when there is a URL, and an explicit 01 otherwise', () => {
    expect(decodeBrCode(encodeBrCode(base)).fields.point_of_initiation_method).toBeUndefined();
    expect(decodeBrCode(encodeBrCode({ ...base, pointOfInitiationMethod: '12' })).fields.point_of_initiation_method).toBe('12');
    const dyn = encodeBrCode({ kind: 'dynamic', merchantName: 'X', merchantCity: 'Y', url: 'u.example/1' });
    expect(decodeBrCode(dyn).fields.point_of_initiation_method).toBe('12');
  });

  it('refuses a malformed MCC (52), postal code (61) or FSS (26.03)', () => {
    expect(fieldOf({ ...base, mcc: '52' })).toBe('52');
    expect(fieldOf({ ...base, postalCode: '01310-100' })).toBe('61');
    expect(fieldOf({ ...base, fss: '1234' })).toBe('26.03');
  });
});

describe('encodeBrCode output is read identically by pix-utils (an independent decoder)', () => {
  it.each<StaticBrCodeInput>([
    base,
    { ...base, key: 'fulano@example.com', amount: 1050, txid: 'PEDIDO42', additionalInfo: 'Pedido 42' },
    { ...base, key: '+5511998765432', amount: 999_999_999_999 },
    { ...base, key: '12ABC34501DE35', amount: 1 },
  ])('static %#', (input) => {
    const parsed = parsePix(encodeBrCode(input));
    if (hasError(parsed) || parsed.type !== 'STATIC') throw new Error(`pix-utils refused: ${JSON.stringify(parsed)}`);
    expect(parsed.pixKey).toBe(input.key);
    expect(Math.round((parsed.transactionAmount ?? 0) * 100)).toBe(input.amount ?? 0);
    expect(parsed.txid).toBe(input.txid ?? '***');
  });
});
