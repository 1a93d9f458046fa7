/** txid (PIX_SPEC §1.2, §3.2) and endToEndId (§3.5): validation, and generation from an injected clock and random source. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PixIdError,
  generateEndToEndId,
  generateTxid,
  isValidDynamicTxid,
  isValidEndToEndId,
  isValidStaticTxid,
  parseEndToEndId,
  type RandomBytes,
} from '../../../functions/core/pix/index.js';

/** Deterministic byte source: a counter, or a fixed byte forever. */
const counter = (): RandomBytes => {
  let n = 0;
  return (len) => Uint8Array.from({ length: len }, () => n++ & 0xff);
};
const constant = (b: number): RandomBytes => (len) => new Uint8Array(len).fill(b);
const bytesArb = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 64, maxLength: 64 }).map((arr): RandomBytes => {
  let i = 0;
  return (len) => Uint8Array.from({ length: len }, () => arr[i++ % arr.length]!);
});

describe('txid', () => {
  it('static: 1–25 of [A-Za-z0-9]; *** is not a txid; no hyphen, underscore or space (bacen/pix-api#212)', () => {
    for (const ok of ['A', 'abcXYZ019', 'A'.repeat(25)]) expect(isValidStaticTxid(ok), ok).toBe(true);
    for (const bad of ['', '***', 'A'.repeat(26), 'my_txid', 'a-b', 'a b', 'ção']) expect(isValidStaticTxid(bad), bad).toBe(false);
  });

  it('dynamic: 26–35 of [a-zA-Z0-9]', () => {
    expect(isValidDynamicTxid('a'.repeat(26))).toBe(true);
    expect(isValidDynamicTxid('Z9'.repeat(17) + 'x')).toBe(true);
    for (const bad of ['a'.repeat(25), 'a'.repeat(36), `${'a'.repeat(30)}-`]) expect(isValidDynamicTxid(bad), bad).toBe(false);
  });

  it('generated txids are valid for their kind and length, for any random source', () => {
    fc.assert(
      fc.property(bytesArb, fc.integer({ min: 26, max: 35 }), fc.integer({ min: 1, max: 25 }), (random, dl, sl) => {
        const d = generateTxid(random, { length: dl });
        expect(d).toHaveLength(dl);
        expect(isValidDynamicTxid(d)).toBe(true);
        expect(isValidStaticTxid(generateTxid(random, { kind: 'static', length: sl }))).toBe(true);
      }),
    );
    expect(generateTxid(counter())).toHaveLength(32);
  });

  it('is a pure function of the random bytes, and rejects bytes ≥ 248 to avoid modulo bias', () => {
    expect(generateTxid(counter())).toBe(generateTxid(counter()));
    expect(generateTxid(counter(), { kind: 'static', length: 3 })).toBe('012');
    // 248 would map to "0" under a plain % 62 (248 = 4·62); it must be skipped instead.
    const seq = [248, 255, 1];
    let i = 0;
    expect(generateTxid((len) => Uint8Array.from({ length: len }, () => seq[i++] ?? 2), { kind: 'static', length: 2 })).toBe('12');
  });

  it('refuses a length outside the kind and a source that never yields usable bytes', () => {
    expect(() => generateTxid(counter(), { length: 25 })).toThrow(PixIdError);
    expect(() => generateTxid(counter(), { kind: 'static', length: 26 })).toThrow(PixIdError);
    expect(() => generateTxid(constant(255))).toThrow(PixIdError);
  });
});

describe('endToEndId', () => {
  const now = new Date('2020-09-09T12:21:37.123Z');

  it('accepts any 32 alphanumerics by default (the SPI mandates only that; iss:542) and refuses the 34-char spec example', () => {
    expect(isValidEndToEndId('E12345678202009091221abcdef12345')).toBe(true);
    expect(isValidEndToEndId('X'.repeat(32))).toBe(true);
    expect(isValidEndToEndId('E12345678202009091221ghijk78901234')).toBe(false);
    expect(isValidEndToEndId('E12345678202009091221abcdef1234-')).toBe(false);
  });

  it('structured mode checks E, an alphanumeric ISPB, a real UTC date-time and the suffix', () => {
    expect(parseEndToEndId('E12345678202009091221abcdef12345')).toEqual({ ispb: '12345678', timestamp: '202009091221', sequence: 'abcdef12345' });
    expect(isValidEndToEndId('E1234ABCD202009091221abcdef12345', { structured: true })).toBe(true);
    for (const bad of ['D12345678202009091221abcdef12345', 'E12345678202013091221abcdef12345', 'E12345678202002301221abcdef12345', 'E12345678202009092421abcdef12345', 'X'.repeat(32)]) {
      expect(isValidEndToEndId(bad, { structured: true }), bad).toBe(false);
    }
    expect(isValidEndToEndId('E12345678202402291221abcdef12345', { structured: true })).toBe(true);
    expect(isValidEndToEndId('E12345678202302291221abcdef12345', { structured: true })).toBe(false);
  });

  it('generates E + ISPB + the injected UTC minute + 11 random alphanumerics', () => {
    const id = generateEndToEndId({ ispb: '12345678', now, random: counter() });
    expect(id).toBe('E12345678202009091221' + '0123456789A');
    expect(isValidEndToEndId(id, { structured: true })).toBe(true);
  });

  it('every generated id is structurally valid and carries its inputs', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z]{8}$/),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        bytesArb,
        (ispb, date, random) => {
          const id = generateEndToEndId({ ispb, now: date, random });
          const parts = parseEndToEndId(id);
          expect(parts?.ispb).toBe(ispb);
          expect(parts?.timestamp).toBe(date.toISOString().replace(/[-T:]/g, '').slice(0, 12));
        },
      ),
    );
  });

  it('refuses a bad ISPB or an invalid date', () => {
    expect(() => generateEndToEndId({ ispb: '1234567', now, random: counter() })).toThrow(PixIdError);
    expect(() => generateEndToEndId({ ispb: '1234567-', now, random: counter() })).toThrow(PixIdError);
    expect(() => generateEndToEndId({ ispb: '12345678', now: new Date(Number.NaN), random: counter() })).toThrow(PixIdError);
  });
});
