/**
 * Card brand from the BIN (first 6–8 digits). Elo and Hipercard are Brazilian domestic schemes
 * whose BINs sit inside ranges that look like Visa (4…), Discover (65…), UnionPay (62…) or Diners
 * (38…), so they are matched first. Ranges: each network's published IIN tables as collected by
 * the major acquirers (Elo "Tabela de BINs", Hipercard 606282/3841x0, Mastercard 2-series from
 * 2017, Discover IIN table incl. 644–649 and 65, JCB 3528–3589, UnionPay 62).
 */
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'elo', 'hipercard', 'discover', 'diners', 'jcb', 'unionpay', 'unknown'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

type Range = readonly [from: number, to: number];

/** Inclusive 6-digit BIN ranges of Elo (single BINs are ranges of one). */
const ELO_RANGES: readonly Range[] = [
  [401178, 401179], [431274, 431274], [438935, 438935], [451416, 451416], [457393, 457393],
  [457631, 457632], [504175, 504175], [506699, 506778], [509000, 509999], [627780, 627780],
  [636297, 636297], [636368, 636368], [650031, 650033], [650035, 650051], [650405, 650439],
  [650485, 650538], [650541, 650598], [650700, 650718], [650720, 650727], [650901, 650978],
  [651652, 651679], [655000, 655019], [655021, 655058],
];

const HIPERCARD_RANGES: readonly Range[] = [
  [606282, 606282], [384100, 384100], [384140, 384140], [384160, 384160], [637095, 637095],
  [637568, 637568], [637599, 637599], [637609, 637609], [637612, 637612],
];

function inRanges(bin6: number, ranges: readonly Range[]): boolean {
  return ranges.some(([from, to]) => bin6 >= from && bin6 <= to);
}

/** Prefix of `digits` of length `n` as a number, or -1 when too short. */
function prefix(digits: string, n: number): number {
  return digits.length >= n ? Number(digits.slice(0, n)) : -1;
}

/**
 * Detects the brand of a PAN (ASCII digits, no separators). Returns `unknown` rather than
 * guessing: routing treats unknown brands conservatively.
 */
export function detectBrand(digits: string): CardBrand {
  if (!/^\d{6,}$/.test(digits)) return 'unknown';
  const b6 = prefix(digits, 6);
  const b4 = prefix(digits, 4);
  const b3 = prefix(digits, 3);
  const b2 = prefix(digits, 2);
  if (inRanges(b6, ELO_RANGES)) return 'elo';
  if (inRanges(b6, HIPERCARD_RANGES)) return 'hipercard';
  if (b2 === 34 || b2 === 37) return 'amex';
  if (b4 >= 3528 && b4 <= 3589) return 'jcb';
  if ((b3 >= 300 && b3 <= 305) || b3 === 309 || b2 === 36 || b2 === 38 || b2 === 39) return 'diners';
  // Mastercard: 51–55 and the 2-series 2221–2720 (live since 2017).
  if ((b2 >= 51 && b2 <= 55) || (b4 >= 2221 && b4 <= 2720)) return 'mastercard';
  if (digits.startsWith('4')) return 'visa';
  if (b4 === 6011 || (b3 >= 644 && b3 <= 649) || b2 === 65) return 'discover';
  if (b2 === 62 || b2 === 81) return 'unionpay';
  return 'unknown';
}

/** PAN lengths each brand issues (ISO/IEC 7812 allows 8–19; networks use these). */
export const BRAND_LENGTHS: Readonly<Record<CardBrand, readonly number[]>> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  elo: [16],
  hipercard: [13, 16, 19],
  discover: [16, 17, 18, 19],
  diners: [14, 15, 16, 17, 18, 19],
  jcb: [16, 17, 18, 19],
  unionpay: [16, 17, 18, 19],
  unknown: [12, 13, 14, 15, 16, 17, 18, 19],
};
