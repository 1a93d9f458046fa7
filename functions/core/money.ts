/**
 * Money is an integer count of a currency's minor unit (ISO 4217 exponent) plus the currency.
 * No floats anywhere: conversion to a PSP's decimal string happens only in a connector's
 * transformer, through {@link toDecimalString} / {@link parseDecimalString}, which are pure string
 * arithmetic.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** ISO 4217 minor-unit exponents for the currencies we accept (lowercase codes, as in the API). */
export const CURRENCY_EXPONENT: Readonly<Record<string, number>> = Object.freeze({
  brl: 2, usd: 2, eur: 2, gbp: 2, mxn: 2, ars: 2, clp: 0, cop: 2, pen: 2, uyu: 2,
  jpy: 0, krw: 0, cad: 2, aud: 2, chf: 2, cny: 2, inr: 2, kwd: 3, bhd: 3, jod: 3,
});

/** Largest amount we accept: stays far inside Number.MAX_SAFE_INTEGER so sums cannot lose precision. */
export const MAX_AMOUNT = 99_999_999_999;

export function isSupportedCurrency(c: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENT, c);
}

export function exponentOf(currency: string): number {
  const e = CURRENCY_EXPONENT[currency];
  if (e === undefined) throw new RangeError(`unsupported currency: ${currency}`);
  return e;
}

export function isValidAmount(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT;
}

/** 1050 BRL → "10.50"; 1050 JPY → "1050"; 5 KWD → "0.005". Pure string arithmetic. */
export function toDecimalString(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError('amount must be an integer');
  const exp = exponentOf(currency);
  const neg = amount < 0;
  const digits = Math.abs(amount).toString();
  if (exp === 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(exp + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
}

/**
 * "10.50" → 1050 for BRL. Accepts at most the currency's exponent in decimals (fewer are padded:
 * "10.5" → 1050). Returns undefined for anything that is not a plain non-negative decimal.
 */
export function parseDecimalString(text: string, currency: string): number | undefined {
  const exp = exponentOf(currency);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const [, int = '', frac = ''] = m;
  if (frac.length > exp) return undefined;
  const value = Number(int + frac.padEnd(exp, '0'));
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Splits `amount` into parts proportional to `weights` without losing or inventing a unit
 * (largest-remainder method). The parts always sum to `amount`.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  if (weights.length === 0) throw new RangeError('weights must not be empty');
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('weights must be non-negative integers with a positive sum');
  }
  const base = weights.map((w) => Math.floor((amount * w) / total));
  let rest = amount - base.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, rem: (amount * w) % total }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) base[order[k]!.i]! += 1;
  return base;
}
