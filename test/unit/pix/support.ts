/**
 * Test support for the Pix suite: reference implementations written independently from the code
 * under test (bit-by-bit CRC over Buffer bytes, check digits straight from PIX_SPEC §2), a payload
 * builder, and fast-check arbitraries for valid encoder inputs of every kind.
 */
import fc from 'fast-check';
import type {
  BrCodeCommonInput,
  BrCodeInput,
  BrCodeStaticPart,
} from '../../../functions/core/pix/index.js';

/** Bit-by-bit CRC-16/CCITT-FALSE over `Buffer.from(s, 'utf8')` (PIX_SPEC §1.3), no table. */
export function refCrc16(s: string): number {
  let crc = 0xffff;
  for (const byte of Buffer.from(s, 'utf8')) {
    crc ^= byte << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function refCrcHex(s: string): string {
  return refCrc16(s).toString(16).toUpperCase().padStart(4, '0');
}

/** One TLV object; LEN counts characters (PIX_SPEC §1.1). */
export function t(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Appends "6304" and the reference CRC. */
export function withCrc(body: string): string {
  return `${body}6304${refCrcHex(`${body}6304`)}`;
}

/** A static payload assembled by hand (not by our encoder), with optional overrides per object. */
export function handStatic(parts: { mai?: string; extra?: string; name?: string; city?: string; additional?: string | null; head?: string } = {}): string {
  const mai = parts.mai ?? t('00', 'br.gov.bcb.pix') + t('01', '12345678909');
  const additional = parts.additional === null ? '' : t('62', parts.additional ?? t('05', '***'));
  return withCrc(
    (parts.head ?? '000201') + t('26', mai) + '52040000' + '5303986' + (parts.extra ?? '') + '5802BR' +
      t('59', parts.name ?? 'FULANO DE TAL') + t('60', parts.city ?? 'BRASILIA') + additional,
  );
}

/** CPF check digits computed from the PIX_SPEC §2 formula, independently of tax-id.ts. */
export function refCpf(base9: string): string {
  const d = [...base9].map(Number);
  const dv1 = ((d.slice(0, 9).reduce((s, x, i) => s + x * (10 - i), 0) * 10) % 11) % 10;
  const dv2 = (([...d, dv1].reduce((s, x, i) => s + x * (11 - i), 0) * 10) % 11) % 10;
  return `${base9}${dv1}${dv2}`;
}

/** CNPJ (numeric or alphanumeric) from PIX_SPEC §2: charCode − 48, weights 5..2,9..2 / 6..2,9..2. */
export function refCnpj(base12: string): string {
  const v = [...base12].map((c) => c.charCodeAt(0) - 48);
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const w2 = [6, ...w1];
  const dv = (vals: number[], w: number[]) => {
    const s = vals.reduce((acc, x, i) => acc + x * w[i]!, 0) % 11;
    return s < 2 ? 0 : 11 - s;
  };
  const dv1 = dv(v, w1);
  const dv2 = dv([...v, dv1], w2);
  return `${base12}${dv1}${dv2}`;
}

const notAllSame = (s: string) => new Set(s).size > 1;

export const cpfArb = fc.stringMatching(/^\d{9}$/).map(refCpf).filter(notAllSame);
export const cnpjNumericArb = fc.stringMatching(/^\d{12}$/).map(refCnpj).filter(notAllSame);
export const cnpjAlnumArb = fc.stringMatching(/^[0-9A-Z]{12}$/).map(refCnpj).filter(notAllSame);
export const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/), fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 3 }))
  .map(([local, labels]) => `${local}@${labels.join('.')}`);
export const phoneArb = fc.stringMatching(/^\+55[1-9][0-9]9?[0-9]{8}$/);
export const evpArb = fc.uuid().map((u) => u.toLowerCase());
export const pixKeyArb = fc.oneof(cpfArb, cnpjNumericArb, cnpjAlnumArb, emailArb, phoneArb, evpArb);

/** Upper-case ASCII words with single spaces: what the encoder's normalisation leaves unchanged. */
function upperText(max: number) {
  return fc
    .array(fc.stringMatching(/^[A-Z0-9&.\-/]{1,8}$/), { minLength: 1, maxLength: 4 })
    .map((ws) => ws.join(' '))
    .filter((s) => s.length <= max);
}

const infoArb = fc
  .array(fc.stringMatching(/^[A-Za-z0-9!#$%&()*+,.:;=?@_-]{1,10}$/), { minLength: 1, maxLength: 4 })
  .map((ws) => ws.join(' '));
export const urlArb = fc
  .tuple(fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){1,2}$/), fc.stringMatching(/^(\/[A-Za-z0-9_.-]{1,20}){1,3}$/))
  .map(([host, path]) => host + path)
  .filter((u) => u.length <= 77);

export const commonArb = (poiRequired: boolean): fc.Arbitrary<BrCodeCommonInput> =>
  fc.record(
    {
      merchantName: upperText(25),
      merchantCity: upperText(15),
      mcc: fc.stringMatching(/^\d{4}$/),
      postalCode: fc.stringMatching(/^\d{8}$/),
      pointOfInitiationMethod: fc.constantFrom('11' as const, '12' as const),
    },
    { requiredKeys: poiRequired ? ['merchantName', 'merchantCity', 'mcc', 'pointOfInitiationMethod'] : ['merchantName', 'merchantCity', 'mcc'] },
  );

const staticPartArb: fc.Arbitrary<BrCodeStaticPart> = fc
  .record(
    {
      key: pixKeyArb,
      amount: fc.integer({ min: 1, max: 999_999_999_999 }),
      additionalInfo: infoArb,
      fss: fc.stringMatching(/^[0-9A-Z]{8}$/),
      txid: fc.stringMatching(/^[A-Za-z0-9]{1,25}$/),
    },
    { requiredKeys: ['key'] },
  )
  // 26 holds GUI (18) + key + info + FSS within 99 characters.
  .filter((p) => 18 + 4 + p.key.length + (p.additionalInfo ? 4 + p.additionalInfo.length : 0) + (p.fss ? 12 : 0) <= 99)
  .filter((p) => p.additionalInfo === undefined || p.additionalInfo.length <= 72);

export const staticInputArb: fc.Arbitrary<BrCodeInput> = fc
  .tuple(commonArb(false), staticPartArb)
  .map(([c, s]) => ({ kind: 'static' as const, ...c, ...s }));
export const dynamicInputArb: fc.Arbitrary<BrCodeInput> = fc
  .tuple(commonArb(true), urlArb)
  .map(([c, url]) => ({ kind: 'dynamic' as const, ...c, url }));
export const recOnlyInputArb: fc.Arbitrary<BrCodeInput> = fc
  .tuple(commonArb(false), urlArb)
  .map(([c, recUrl]) => ({ kind: 'rec-only' as const, ...c, recUrl }));
export const compositeInputArb: fc.Arbitrary<BrCodeInput> = fc.oneof(
  fc.tuple(commonArb(false), staticPartArb, urlArb).map(([c, s, recUrl]) => ({ kind: 'composite' as const, ...c, ...s, recUrl })),
  fc.tuple(commonArb(true), urlArb, urlArb).map(([c, url, recUrl]) => ({ kind: 'composite' as const, ...c, url, recUrl })),
);
export const anyInputArb = fc.oneof(staticInputArb, dynamicInputArb, recOnlyInputArb, compositeInputArb);
