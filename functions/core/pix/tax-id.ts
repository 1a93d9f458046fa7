/**
 * CPF and CNPJ check digits (PIX_SPEC §2), including the alphanumeric CNPJ issued from July 2026
 * (IN RFB 2.229/2024). Pure arithmetic on char codes; no formatting masks are accepted here.
 *
 * What the check digits guarantee (and what they do not): both schemes reduce a weighted sum
 * mod 11 and then fold two residues onto one digit (CPF: 10 → 0; CNPJ: remainders 0 and 1 → 0).
 * A changed check digit is always caught. A changed base character is caught unless it moves the
 * weighted sum between the two folded residues of *both* check digits at once (for CPF's first
 * digit, whose weight in dv2 is 11 ≡ 0, dv1 alone decides). For the alphanumeric CNPJ, a letter
 * whose value differs by a multiple of 11 from the original (e.g. "0" ↔ "F", values 0 and 22)
 * is never caught. See test/unit/pix/tax-id.test.ts for the exact property.
 */

const CPF_LEN = 11;
const CNPJ_LEN = 14;
const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

function allSame(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) !== s.charCodeAt(0)) return false;
  return true;
}

/**
 * The two CPF check digits for 9 base digits: dv = (Σ d_i·w_i)·10 mod 11 mod 10, weights 10..2
 * then 11..2 over the base plus dv1. Returns undefined when `base9` is not 9 digits.
 */
export function cpfCheckDigits(base9: string): string | undefined {
  if (!/^\d{9}$/.test(base9)) return undefined;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 9; i++) {
    const d = base9.charCodeAt(i) - 48;
    s1 += d * (10 - i);
    s2 += d * (11 - i);
  }
  const dv1 = ((s1 * 10) % 11) % 10;
  s2 += dv1 * 2;
  const dv2 = ((s2 * 10) % 11) % 10;
  return `${dv1}${dv2}`;
}

/**
 * True for 11 digits with matching check digits, refusing the 11 repeated-digit strings
 * ("11111111111" passes the arithmetic but is not a CPF; PIX_SPEC §2).
 */
export function isValidCpf(cpf: string): boolean {
  if (cpf.length !== CPF_LEN || !/^\d{11}$/.test(cpf) || allSame(cpf)) return false;
  return cpfCheckDigits(cpf.slice(0, 9)) === cpf.slice(9);
}

function cnpjValue(c: number): number {
  // "charCode − 48": 0–9 → 0–9 and A=17 … Z=42 (IN RFB 2.229/2024). Mapping A–Z to 10–35, as some
  // libraries do, is wrong (PIX_SPEC §2).
  return c - 48;
}

function cnpjDigit(sum: number): number {
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/**
 * The two CNPJ check digits for 12 base characters `[0-9A-Z]` (numeric or 2026 alphanumeric form).
 * Returns undefined when `base12` does not match that shape.
 */
export function cnpjCheckDigits(base12: string): string | undefined {
  if (!/^[0-9A-Z]{12}$/.test(base12)) return undefined;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 12; i++) {
    const v = cnpjValue(base12.charCodeAt(i));
    s1 += v * CNPJ_W1[i]!;
    s2 += v * CNPJ_W2[i]!;
  }
  const dv1 = cnpjDigit(s1);
  s2 += dv1 * CNPJ_W2[12]!;
  return `${dv1}${cnpjDigit(s2)}`;
}

/**
 * True for a CNPJ of 12 characters `[0-9A-Z]` plus 2 check digits (API Pix 2.9.0 `^[0-9A-Z]{14}$`,
 * last two always digits), refusing strings of one repeated character. Lower-case letters are
 * refused: the RFB format is upper-case.
 */
export function isValidCnpj(cnpj: string): boolean {
  if (cnpj.length !== CNPJ_LEN || !/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || allSame(cnpj)) return false;
  return cnpjCheckDigits(cnpj.slice(0, 12)) === cnpj.slice(12);
}
