/**
 * Exact rational arithmetic on bigints for FX: rates arrive as decimal strings ("5.4321") and are
 * never turned into floats; money is rounded once, at the end, by {@link roundHalfEven}.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** "5.4321" → 54321/10000. Only plain positive decimals are accepted. */
export function parseRate(text: string): Rational {
  const m = /^(\d{1,12})(?:\.(\d{1,18}))?$/.exec(text);
  if (!m) throw new RangeError(`not a decimal rate: ${text}`);
  const frac = m[2] ?? '';
  const r = { num: BigInt(m[1]! + frac), den: 10n ** BigInt(frac.length) };
  if (r.num === 0n) throw new RangeError('a rate must be positive');
  return r;
}

export const mul = (a: Rational, b: Rational): Rational => ({ num: a.num * b.num, den: a.den * b.den });
export const div = (a: Rational, b: Rational): Rational => ({ num: a.num * b.den, den: a.den * b.num });
export const ratio = (num: bigint | number, den: bigint | number = 1n): Rational => ({ num: BigInt(num), den: BigInt(den) });

/**
 * Rounds a non-negative rational to an integer, half to even (IEEE 754's default, "banker's
 * rounding"): ties go to the even neighbour, so neither side of a quote gains on average.
 */
export function roundHalfEven(r: Rational): bigint {
  if (r.num < 0n || r.den <= 0n) throw new RangeError('expected a non-negative rational');
  const q = r.num / r.den;
  const rem2 = (r.num % r.den) * 2n;
  if (rem2 > r.den || (rem2 === r.den && q % 2n === 1n)) return q + 1n;
  return q;
}

/** The rational as a decimal string with `digits` decimals (half-even), for display only. */
export function toDecimal(r: Rational, digits: number): string {
  const scaled = roundHalfEven({ num: r.num * 10n ** BigInt(digits), den: r.den }).toString().padStart(digits + 1, '0');
  return digits === 0 ? scaled : `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`;
}
