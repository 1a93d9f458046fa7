/**
 * Properties of the BR Code codec.
 *
 * What a single-character substitution guarantees (precisely): for a payload our encoder wrote
 * (printable ASCII, upper-case CRC), replacing one character by another *printable ASCII*
 * character is always refused with BrCodeError, with exactly one exception: changing a CRC hex
 * letter A–F to its lower-case form, which the decoder accepts on purpose (PIX_SPEC §1.3) and
 * reports as a "63" warning, the fields being otherwise identical. Why: inside the CRC-covered
 * range a one-byte change is a burst of ≤ 8 bits, which CRC-16/CCITT always detects; in the CRC
 * value a non-hex character is refused and a different hex digit is a mismatch; whitespace at
 * either end is trimmed, but then the payload no longer starts with 000201 or ends with 6304XXXX.
 * A substitution by a *non-ASCII* character changes the byte length, so only the CRC's 1 − 2⁻¹⁶
 * detection rate applies there (checked below with a fixed seed, not a guarantee).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BrCodeError,
  brCodeInputFromDecoded,
  crc16Hex,
  decodeBrCode,
  encodeBrCode,
  type BrCodeInput,
  type DecodedBrCode,
} from '../../../functions/core/pix/index.js';
import { anyInputArb, compositeInputArb, dynamicInputArb, recOnlyInputArb, staticInputArb, t } from './support.js';

function roundTrip(arb: fc.Arbitrary<BrCodeInput>, kind: string) {
  fc.assert(
    fc.property(arb, (x) => {
      const decoded = decodeBrCode(encodeBrCode(x));
      expect(decoded.kind).toBe(kind);
      expect(decoded.warnings).toEqual([]);
      expect(brCodeInputFromDecoded(decoded)).toEqual(x);
    }),
    { numRuns: 300 },
  );
}

function outcome(p: string): DecodedBrCode | BrCodeError {
  try {
    return decodeBrCode(p);
  } catch (e) {
    if (e instanceof BrCodeError) return e;
    throw e;
  }
}

describe('decode(encode(x)) = x for generated valid inputs, with no warnings', () => {
  it('static: every key type (CPF, numeric and alphanumeric CNPJ, e-mail, phone, EVP), amount, info, FSS, txid', () => roundTrip(staticInputArb, 'static'));
  it('dynamic: URL, point of initiation method, MCC, postal code', () => roundTrip(dynamicInputArb, 'dynamic'));
  it('rec-only: 80.25 with a GUI-only 26', () => roundTrip(recOnlyInputArb, 'rec-only'));
  it('composite: static key or cob URL plus 80.25', () => roundTrip(compositeInputArb, 'composite'));
});

describe('single-character corruption of a valid payload', () => {
  const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));

  it('any printable-ASCII substitution is refused, except lower-casing a CRC hex letter, which decodes identically plus a 63 warning', () => {
    fc.assert(
      fc.property(anyInputArb, fc.nat(), printable, (x, pos, ch) => {
        const p = encodeBrCode(x);
        const i = pos % p.length;
        fc.pre(p[i] !== ch);
        const corrupted = p.slice(0, i) + ch + p.slice(i + 1);
        const r = outcome(corrupted);
        const lowerCrcLetter = i >= p.length - 4 && /[A-F]/.test(p[i]!) && ch === p[i]!.toLowerCase();
        if (lowerCrcLetter) {
          expect(r).not.toBeInstanceOf(BrCodeError);
          const d = r as DecodedBrCode;
          expect({ ...d.fields, crc: d.fields.crc.toUpperCase() }).toEqual(decodeBrCode(p).fields);
          expect(d.warnings.map((w) => w.split(':')[0])).toEqual(['63']);
        } else {
          expect(r).toBeInstanceOf(BrCodeError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('every position of one payload is covered: each substitution by the next printable character is refused', () => {
    const p = encodeBrCode({ kind: 'static', key: 'fulano@example.com', amount: 1050, merchantName: 'LOJA', merchantCity: 'RECIFE', txid: 'ABC' });
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const ch = String.fromCharCode(c === 0x7e ? 0x20 : c + 1);
      expect(outcome(p.slice(0, i) + ch + p.slice(i + 1)), `position ${i}`).toBeInstanceOf(BrCodeError);
    }
  });

  it('non-ASCII substitutions are refused too (CRC detection rate, fixed seed: not a guarantee)', () => {
    fc.assert(
      fc.property(anyInputArb, fc.nat(), fc.integer({ min: 0xa0, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff), (x, pos, c) => {
        const p = encodeBrCode(x);
        const i = pos % p.length;
        expect(outcome(p.slice(0, i) + String.fromCharCode(c) + p.slice(i + 1))).toBeInstanceOf(BrCodeError);
      }),
      { numRuns: 1000, seed: 20_260_701 },
    );
  });
});

describe('the decoder throws nothing but BrCodeError, whatever the input', () => {
  const check = (p: string) => {
    const r = outcome(p); // rethrows anything that is not a BrCodeError
    if (r instanceof BrCodeError) {
      expect(r.field).toMatch(/^(payload|\d\d(\.\d\d)?)$/);
    } else {
      expect(['static', 'dynamic', 'rec-only', 'composite']).toContain(r.kind);
      expect(r.fields.payload_format_indicator).toBe('01');
    }
  };
  const withCrc = (s: string) => `${s}6304${crc16Hex(`${s}6304`)}`;
  const tlvTree: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.string({ minLength: 0, maxLength: 30, unit: 'binary' })).map(([id, v]) => t(String(id).padStart(2, '0'), v)),
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.array(tie('node'), { maxLength: 4 })).map(([id, kids]) => t(String(id).padStart(2, '0'), kids.join(''))),
    ),
  })).node;

  it('arbitrary strings, including astral characters and lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), check), { numRuns: 2000 });
  });

  it('arbitrary strings given a correct CRC, so parsing goes past the checksum', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => check(withCrc(s))), { numRuns: 2000 });
  });

  it('random TLV trees after 000201 with a correct CRC', () => {
    fc.assert(fc.property(fc.array(tlvTree, { maxLength: 12 }), (objs) => check(withCrc(`000201${objs.join('')}`))), { numRuns: 2000 });
  });

  it('valid payloads with one character changed and the CRC recomputed (reaches every field check)', () => {
    fc.assert(
      fc.property(anyInputArb, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), (x, pos, ch) => {
        const body = encodeBrCode(x).slice(0, -8);
        const i = pos % body.length;
        check(withCrc(body.slice(0, i) + ch + body.slice(i + 1)));
      }),
      { numRuns: 3000 },
    );
  });

  it('non-string values passed by untyped callers', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(() => decodeBrCode(v as unknown as string)).toThrow(BrCodeError);
    }
  });
});
