/**
 * CPF / CNPJ check digits (PIX_SPEC §2). What a single changed character guarantees, exactly:
 * a changed check digit is always caught; a changed base digit escapes only when the weighted
 * residue of every check digit it feeds moves inside the pair that folds onto one digit
 * (CPF: residues 0 and 10 → 0; CNPJ: remainders 0 and 1 → 0). For the alphanumeric CNPJ, a
 * character replaced by one whose value differs by a multiple of 11 ("0" ↔ "F") is never caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, cpfCheckDigits, isValidCnpj, isValidCpf } from '../../../functions/core/pix/index.js';
import { cnpjAlnumArb, cnpjNumericArb, cpfArb } from './support.js';

const digits = (s: string) => [...s].map((c) => c.charCodeAt(0) - 48);
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

/** CPF residues r = (10·Σ d·w) mod 11 for dv1 (weights 10..2 over 9) and dv2 (11..2 over 10). */
function cpfResidues(cpf: string): [number, number] {
  const d = digits(cpf);
  const s1 = d.slice(0, 9).reduce((a, x, i) => a + x * (10 - i), 0);
  const s2 = d.slice(0, 10).reduce((a, x, i) => a + x * (11 - i), 0);
  return [(s1 * 10) % 11, (s2 * 10) % 11];
}

/** CNPJ remainders Σ v·w mod 11 for dv1 and dv2 (dv2 over the 12 base characters + the written dv1). */
function cnpjRemainders(cnpj: string): [number, number] {
  const v = digits(cnpj);
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const w2 = [6, ...w1];
  return [v.slice(0, 12).reduce((a, x, i) => a + x * w1[i]!, 0) % 11, v.slice(0, 13).reduce((a, x, i) => a + x * w2[i]!, 0) % 11];
}

const foldedPair = (a: number, b: number, pair: [number, number]) => a !== b && pair.includes(a) && pair.includes(b);

describe('CPF', () => {
  it('accepts 12345678909 and refuses BACEN example 45164632481 whose digits do not check (PIX_SPEC §2)', () => {
    expect(isValidCpf('12345678909')).toBe(true);
    expect(isValidCpf('45164632481')).toBe(false);
    expect(cpfCheckDigits('123456789')).toBe('09');
  });

  it('refuses the 10 repeated-digit strings although they pass the arithmetic', () => {
    for (let d = 0; d <= 9; d++) {
      const s = String(d).repeat(11);
      expect(cpfCheckDigits(s.slice(0, 9))).toBe(s.slice(9));
      expect(isValidCpf(s)).toBe(false);
    }
  });

  it('refuses wrong shapes: masks, 10 or 12 digits, letters', () => {
    for (const s of ['123.456.789-09', '1234567890', '123456789091', '1234567890A']) expect(isValidCpf(s), s).toBe(false);
  });

  it('accepts every generated valid CPF', () => {
    fc.assert(
      fc.property(cpfArb, (cpf) => {
        expect(isValidCpf(cpf)).toBe(true);
      }),
    );
  });

  it('a changed digit is caught exactly when it does not fold inside residues {0, 10} (check digits always caught)', () => {
    fc.assert(
      fc.property(cpfArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (cpf, i, delta) => {
        const changed = replaceAt(cpf, i, String((Number(cpf[i]) + delta) % 10));
        const [a1, a2] = cpfResidues(cpf);
        const [b1, b2] = cpfResidues(changed);
        // d1 has weight 11 ≡ 0 in dv2, so only dv1 guards it.
        const escapes = i <= 8 && foldedPair(a1, b1, [0, 10]) && (i === 0 || foldedPair(a2, b2, [0, 10])) && new Set(changed).size > 1;
        expect(isValidCpf(changed)).toBe(escapes);
      }),
      { numRuns: 3000 },
    );
  });

  it('documents a real blind spot: 10000000108 and 20000000108 are both valid', () => {
    expect(isValidCpf('10000000108')).toBe(true);
    expect(isValidCpf('20000000108')).toBe(true);
  });
});

describe('CNPJ (numeric and 2026 alphanumeric)', () => {
  it('accepts the RFB alphanumeric example 12ABC34501DE35 and refuses BACEN example 56989000019533', () => {
    expect(isValidCnpj('12ABC34501DE35')).toBe(true);
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(isValidCnpj('56989000019533')).toBe(false);
    expect(isValidCnpj('11222333000181')).toBe(true);
  });

  it('maps A–Z to charCode − 48 (A = 17), not to 10–35 as some libraries do', () => {
    // With A=10 … Z=35 the RFB example would get other digits.
    const wrong = [...'12ABC34501DE'].map((c) => (/[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : Number(c)));
    const s = wrong.reduce((a, x, i) => a + x * [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2][i]!, 0) % 11;
    expect(s < 2 ? 0 : 11 - s).not.toBe(3);
    expect(isValidCnpj('12ABC34501DE35')).toBe(true);
  });

  it('refuses lower-case letters, letters in the check digits, masks and repeated characters', () => {
    for (const s of ['12abc34501de35', '12ABC34501DEA5', '11.222.333/0001-81', '00000000000000', 'AAAAAAAAAAAA00']) expect(isValidCnpj(s), s).toBe(false);
  });

  it('accepts every generated valid CNPJ, numeric and alphanumeric', () => {
    fc.assert(
      fc.property(fc.oneof(cnpjNumericArb, cnpjAlnumArb), (c) => {
        expect(isValidCnpj(c)).toBe(true);
      }),
    );
  });

  it('a changed digit is caught exactly when it does not fold inside remainders {0, 1} for both check digits', () => {
    fc.assert(
      fc.property(cnpjNumericArb, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (cnpj, i, delta) => {
        const changed = replaceAt(cnpj, i, String((Number(cnpj[i]) + delta) % 10));
        const [a1, a2] = cnpjRemainders(cnpj);
        const [b1, b2] = cnpjRemainders(changed);
        const escapes = i <= 11 && foldedPair(a1, b1, [0, 1]) && foldedPair(a2, b2, [0, 1]) && new Set(changed).size > 1;
        expect(isValidCnpj(changed)).toBe(escapes);
      }),
      { numRuns: 3000 },
    );
  });

  it('a base character replaced by one whose value differs by a multiple of 11 is never caught (alphanumeric blind spot)', () => {
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    fc.assert(
      fc.property(cnpjAlnumArb, fc.integer({ min: 0, max: 11 }), fc.constantFrom(...chars), (cnpj, i, c) => {
        const delta = c.charCodeAt(0) - cnpj.charCodeAt(i);
        fc.pre(delta !== 0 && delta % 11 === 0);
        expect(isValidCnpj(replaceAt(cnpj, i, c))).toBe(true);
      }),
    );
    expect(isValidCnpj('F2ABC34501DE35')).toBe(false); // "1" → "F" is 21 apart: caught
    expect(isValidCnpj(replaceAt('12ABC34501DE35', 0, 'G'))).toBe(true); // "1" → "G": 23 − 1 = 22
  });
});
