/**
 * Card expiry. A card printed "12/27" is valid through the last moment of December 2027 (ISO/IEC
 * 7813 expiration date = last day of the month). We compare in UTC: the issuer's time zone is
 * unknown, and the networks themselves only compare YYMM.
 */

/** Normalizes a 2-digit year (27 → 2027); 4-digit years pass through. */
export function normalizeExpYear(expYear: number): number {
  return expYear < 100 ? 2000 + expYear : expYear;
}

/** True when month/year are well-formed (month 1–12, year 2 or 4 digits). */
export function isWellFormedExpiry(expMonth: number, expYear: number): boolean {
  return Number.isInteger(expMonth) && expMonth >= 1 && expMonth <= 12
    && Number.isInteger(expYear) && ((expYear >= 0 && expYear < 100) || (expYear >= 2000 && expYear <= 2199));
}

/**
 * True when the card is still usable at `now`: well-formed and `now` is not after the last day of
 * the expiry month (UTC).
 */
export function isExpiryValid(expMonth: number, expYear: number, now: Date): boolean {
  if (!isWellFormedExpiry(expMonth, expYear)) return false;
  const year = normalizeExpYear(expYear);
  const nowYear = now.getUTCFullYear();
  const nowMonth = now.getUTCMonth() + 1;
  return year > nowYear || (year === nowYear && expMonth >= nowMonth);
}
