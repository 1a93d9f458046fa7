import type { FailureCode } from '../exceptions/failure-codes.js';
import { hashNormal, hashUniform } from './hash.js';
import type { Scenario, ScenarioProcessor } from './scenario.js';

/**
 * The simulated world of a scenario: its transactions and the ground truth of every
 * (transaction, processor) attempt, all derived from hashes of the seed (see hash.ts).
 */
export type SimTx = {
  readonly index: number;
  readonly at: number;
  readonly method: string;
  readonly currency: string;
  readonly brand?: string;
  readonly amount: number;
};

export type AttemptTruth =
  | { readonly result: 'approved'; readonly latency_ms: number }
  | { readonly result: 'declined' | 'error'; readonly code: FailureCode; readonly latency_ms: number };

/** Virtual arrival rate: one payment every 100 ms (10 TPS). Time only matters relative to decay and cool-downs. */
export const TX_INTERVAL_MS = 100;
export const SIM_EPOCH_MS = Date.UTC(2025, 0, 1);
/** Client timeout toward a processor; a timed-out attempt costs this much latency. */
export const ATTEMPT_TIMEOUT_MS = 8_000;

export function transactionAt(s: Scenario, seed: number, index: number): SimTx {
  const total = s.mix.reduce((a, m) => a + m.weight, 0);
  let u = hashUniform(seed, index, 'mix') * total;
  let mix = s.mix[s.mix.length - 1]!;
  for (const m of s.mix) {
    if (u < m.weight) { mix = m; break; }
    u -= m.weight;
  }
  // Log-uniform amounts: many small payments, a long tail of large ones.
  const lo = Math.log(Math.max(1, mix.amount.min));
  const hi = Math.log(Math.max(1, mix.amount.max));
  const amount = Math.min(mix.amount.max, Math.max(mix.amount.min, Math.round(Math.exp(lo + (hi - lo) * hashUniform(seed, index, 'amount')))));
  return {
    index, at: SIM_EPOCH_MS + index * TX_INTERVAL_MS, method: mix.method, currency: mix.currency, amount,
    ...(mix.brand !== undefined ? { brand: mix.brand } : {}),
  };
}

export function inOutage(p: ScenarioProcessor, index: number): boolean {
  return (p.outages ?? []).some((o) => index >= o.from && index < o.to);
}

/** The true approval probability of `p` for `tx` (0 during an outage), as the oracle knows it. */
export function trueRate(p: ScenarioProcessor, tx: SimTx): number {
  if (inOutage(p, tx.index)) return 0;
  let rate = p.success_rate[0]!.rate;
  for (const pt of p.success_rate) if (pt.from <= tx.index) rate = pt.rate;
  for (const a of p.success_rate_adjust ?? []) {
    if ((a.brand === undefined || a.brand === tx.brand) && (a.currency === undefined || a.currency === tx.currency) && (a.method === undefined || a.method === tx.method)) {
      rate += a.delta;
    }
  }
  return Math.min(1, Math.max(0, rate));
}

/**
 * What happens if `tx` is attempted at `p`. Declines carry a realistic code mix: most are
 * generic soft declines another acquirer may approve, some are card-level (insufficient funds,
 * hard declines) where the cascade must stop. Outages are half connection errors, half timeouts.
 */
export function attemptTruth(p: ScenarioProcessor, tx: SimTx, seed: number): AttemptTruth {
  const key = `${p.id}`;
  if (inOutage(p, tx.index)) {
    return hashUniform(seed, tx.index, `${key}:outage`) < 0.5
      ? { result: 'error', code: 'processor_unavailable', latency_ms: 30 }
      : { result: 'error', code: 'timeout', latency_ms: ATTEMPT_TIMEOUT_MS };
  }
  const sigma = Math.log(p.latency_ms.p99 / p.latency_ms.p50) / 2.326;
  const latency_ms = Math.round(p.latency_ms.p50 * Math.exp(sigma * hashNormal(seed, tx.index, `${key}:latency`)));
  if (hashUniform(seed, tx.index, key) < trueRate(p, tx)) return { result: 'approved', latency_ms };
  const c = hashUniform(seed, tx.index, `${key}:code`);
  const code: FailureCode = c < 0.6 ? 'do_not_honor' : c < 0.85 ? 'insufficient_funds' : 'card_declined';
  return { result: 'declined', code, latency_ms };
}
