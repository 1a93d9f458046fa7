/**
 * Luhn (mod 10) check digit, ISO/IEC 7812-1 Annex B. Every PAN issued by the card networks carries
 * one, so a failing check is a typo and never worth sending to a processor.
 */

/** True when `digits` (ASCII digits only) passes the Luhn check. Non-digit input is false. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The check digit to append to `partial` (ASCII digits) so the result passes {@link isLuhnValid}. */
export function luhnCheckDigit(partial: string): number {
  if (!/^\d+$/.test(partial)) throw new RangeError('partial must be ASCII digits');
  return (10 - (luhnSum(partial, true) % 10)) % 10;
}

/**
 * Sum of the digits with every second digit doubled, counting from the right. `doubleFirst` is
 * true when the rightmost digit of `digits` will sit in a doubled position (i.e. a check digit
 * is still to be appended).
 */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}
