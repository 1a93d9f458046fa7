import { CLOSED_BREAKER, DEFAULT_BREAKER_CONFIG, recordCall, type BreakerConfig, type BreakerState } from './circuit-breaker.js';
import { addOutcome, decayFactor, type DecayedCounts } from './decayed-counts.js';
import { segmentKeys } from './segments.js';
import type { RoutingRequest } from './types.js';

/**
 * Everything the routing agent learns, as plain JSON: decayed counts per segment key, one
 * breaker per processor, and decayed approved volume per processor (for contract minimums).
 * Updates return a new object and share untouched parts with the old one.
 */
export type RoutingState = {
  readonly version: 1;
  readonly segments: Readonly<Record<string, DecayedCounts>>;
  readonly breakers: Readonly<Record<string, BreakerState>>;
  readonly volume: Readonly<Record<string, { readonly amount: number; readonly at: number }>>;
};

export type RoutingConfig = {
  /** Half-life of success/failure evidence (see decayed-counts.ts for why time, not count). */
  readonly half_life_ms: number;
  /** Beta prior at the coarsest (processor) level. */
  readonly prior_alpha: number;
  readonly prior_beta: number;
  /** Most pseudo-observations a parent segment lends its child (hierarchical back-off strength). */
  readonly backoff_strength: number;
  readonly volume_half_life_ms: number;
  readonly breaker: BreakerConfig;
};

export const DEFAULT_ROUTING_CONFIG: RoutingConfig = Object.freeze({
  half_life_ms: 60_000,
  prior_alpha: 1,
  prior_beta: 1,
  backoff_strength: 100,
  volume_half_life_ms: 7 * 24 * 3_600_000,
  breaker: DEFAULT_BREAKER_CONFIG,
});

export function emptyRoutingState(): RoutingState {
  return { version: 1, segments: {}, breakers: {}, volume: {} };
}

/**
 * One attempt's result. `approved`/`declined` teach the success model; `error` (outage, timeout,
 * 5xx) only feeds the breaker, so an outage does not poison the processor's approval estimate
 * after it recovers.
 */
export type RoutingOutcome = {
  readonly processor: string;
  readonly request: Pick<RoutingRequest, 'method' | 'currency' | 'brand' | 'bin' | 'amount'>;
  readonly result: 'approved' | 'declined' | 'error';
  readonly latency_ms: number;
  readonly at: number;
};

/** `state' = recordOutcome(state, outcome)`: pure. */
export function recordOutcome(state: RoutingState, o: RoutingOutcome, cfg: RoutingConfig = DEFAULT_ROUTING_CONFIG): RoutingState {
  const breaker = recordCall(state.breakers[o.processor] ?? CLOSED_BREAKER, { error: o.result === 'error', latency_ms: o.latency_ms }, o.at, cfg.breaker);
  const breakers = { ...state.breakers, [o.processor]: breaker };
  if (o.result === 'error') return { ...state, breakers };
  const ok = o.result === 'approved';
  const segments: Record<string, DecayedCounts> = { ...state.segments };
  for (const key of segmentKeys(o.processor, o.request)) {
    segments[key] = addOutcome(segments[key] ?? { s: 0, f: 0, at: o.at }, ok, o.at, cfg.half_life_ms);
  }
  if (!ok) return { ...state, segments, breakers };
  const prev = state.volume[o.processor] ?? { amount: 0, at: o.at };
  const at = Math.max(prev.at, o.at);
  const amount = prev.amount * decayFactor(prev.at, at, cfg.volume_half_life_ms) + o.request.amount;
  return { ...state, segments, breakers, volume: { ...state.volume, [o.processor]: { amount, at } } };
}

/** Each processor's share of recent approved volume, in basis points. */
export function volumeShareBps(state: RoutingState, now: number, cfg: RoutingConfig = DEFAULT_ROUTING_CONFIG): Record<string, number> {
  const decayed: Record<string, number> = {};
  let total = 0;
  for (const [p, v] of Object.entries(state.volume)) {
    const a = v.amount * decayFactor(v.at, now, cfg.volume_half_life_ms);
    decayed[p] = a;
    total += a;
  }
  const out: Record<string, number> = {};
  for (const [p, a] of Object.entries(decayed)) out[p] = total > 0 ? Math.round((a / total) * 10_000) : 0;
  return out;
}
