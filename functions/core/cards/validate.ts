import { BRAND_LENGTHS, detectBrand, type CardBrand } from './brand.js';
import { isExpiryValid, isWellFormedExpiry, normalizeExpYear } from './expiry.js';
import { isLuhnValid } from './luhn.js';
import { last4, normalizePan } from './pan.js';

export interface CardInput {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
}

export interface ValidCard {
  /** Digits only. Lives in memory for this request; never stored or logged. */
  readonly digits: string;
  readonly brand: CardBrand;
  readonly last4: string;
  readonly expMonth: number;
  /** Four-digit year. */
  readonly expYear: number;
}

export type CardRejection = 'incorrect_number' | 'invalid_expiry' | 'expired_card';

export type CardValidation =
  | { readonly ok: true; readonly card: ValidCard }
  | { readonly ok: false; readonly reason: CardRejection; readonly param: 'number' | 'exp_month' | 'exp_year' };

/**
 * Checks what can be checked without an issuer: digits and length for the brand, Luhn, and expiry
 * at `now`. The messages of rejections never contain the number.
 */
export function validateCard(input: CardInput, now: Date): CardValidation {
  const digits = normalizePan(input.number);
  if (!/^\d{12,19}$/.test(digits) || !isLuhnValid(digits)) return { ok: false, reason: 'incorrect_number', param: 'number' };
  const brand = detectBrand(digits);
  if (!BRAND_LENGTHS[brand].includes(digits.length)) return { ok: false, reason: 'incorrect_number', param: 'number' };
  if (!isWellFormedExpiry(input.expMonth, input.expYear)) {
    const badMonth = !(Number.isInteger(input.expMonth) && input.expMonth >= 1 && input.expMonth <= 12);
    return { ok: false, reason: 'invalid_expiry', param: badMonth ? 'exp_month' : 'exp_year' };
  }
  if (!isExpiryValid(input.expMonth, input.expYear, now)) return { ok: false, reason: 'expired_card', param: 'exp_year' };
  return {
    ok: true,
    card: { digits, brand, last4: last4(digits), expMonth: input.expMonth, expYear: normalizeExpYear(input.expYear) },
  };
}
