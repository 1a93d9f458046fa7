import type { FeeSchedule } from './types.js';

/**
 * The fee a processor charges for `amount` minor units: `fixed + round_half_up(amount × bps / 10 000)`.
 * Integer arithmetic only; amounts beyond the safe product range fall back to BigInt so a huge
 * amount can never round through a float.
 */
export function feeFor(amount: number, fee: FeeSchedule): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a non-negative integer');
  if (!Number.isSafeInteger(fee.percent_bps) || fee.percent_bps < 0) throw new RangeError('percent_bps must be a non-negative integer');
  if (!Number.isSafeInteger(fee.fixed) || fee.fixed < 0) throw new RangeError('fixed must be a non-negative integer');
  return fee.fixed + percentPart(amount, fee.percent_bps);
}

/** The percentage part alone, rounded half up to a minor unit. */
export function percentPart(amount: number, percentBps: number): number {
  const product = amount * percentBps;
  if (Number.isSafeInteger(product)) return Math.floor((product + 5_000) / 10_000);
  return Number((BigInt(amount) * BigInt(percentBps) + 5_000n) / 10_000n);
}

/**
 * Expected fee of one attempt given a success probability: the fixed part is paid per attempt,
 * the percentage only on an approved (captured) payment. Rounded to a whole minor unit because
 * it is reported as money.
 */
export function expectedFee(amount: number, fee: FeeSchedule, pSuccess: number): number {
  return fee.fixed + Math.round(pSuccess * percentPart(amount, fee.percent_bps));
}
