/**
 * Per-processor circuit breaker. Opens on consecutive failures, on a high recent error rate, or
 * on high recent latency; after `cooldown_ms` it is half-open and the next call is a probe: a
 * success closes it, a failure re-opens it for another cool-down. A decline is a valid answer,
 * not an error — only transport errors, 5xx-like processor failures and timeouts count.
 */
export type BreakerConfig = {
  readonly consecutive_failures_to_open: number;
  readonly error_rate_to_open: number;
  readonly latency_ms_to_open: number;
  /** Recent = EWMA with this weight for the newest call. */
  readonly ewma_alpha: number;
  /** EWMAs are trusted only after this many calls. */
  readonly min_calls: number;
  readonly cooldown_ms: number;
};

export const DEFAULT_BREAKER_CONFIG: BreakerConfig = Object.freeze({
  consecutive_failures_to_open: 3,
  error_rate_to_open: 0.5,
  latency_ms_to_open: 3_000,
  ewma_alpha: 0.2,
  min_calls: 5,
  cooldown_ms: 5_000,
});

export type BreakerState = {
  readonly open: boolean;
  readonly opened_at: number | null;
  readonly consecutive_failures: number;
  readonly error_ewma: number;
  readonly latency_ewma_ms: number;
  readonly calls: number;
};

export type BreakerStatus = 'closed' | 'open' | 'half_open';

export const CLOSED_BREAKER: BreakerState = Object.freeze({
  open: false, opened_at: null, consecutive_failures: 0, error_ewma: 0, latency_ewma_ms: 0, calls: 0,
});

/** The breaker's status at `now` (open turns half-open once the cool-down has elapsed). */
export function breakerStatus(b: BreakerState, now: number, cfg: BreakerConfig = DEFAULT_BREAKER_CONFIG): BreakerStatus {
  if (!b.open) return 'closed';
  return b.opened_at !== null && now - b.opened_at >= cfg.cooldown_ms ? 'half_open' : 'open';
}

/** Records one call's result; returns the new state. */
export function recordCall(
  b: BreakerState,
  call: { readonly error: boolean; readonly latency_ms: number },
  now: number,
  cfg: BreakerConfig = DEFAULT_BREAKER_CONFIG,
): BreakerState {
  const status = breakerStatus(b, now, cfg);
  const a = cfg.ewma_alpha;
  const calls = b.calls + 1;
  const error_ewma = b.calls === 0 ? (call.error ? 1 : 0) : (1 - a) * b.error_ewma + a * (call.error ? 1 : 0);
  const latency_ewma_ms = b.calls === 0 ? call.latency_ms : (1 - a) * b.latency_ewma_ms + a * call.latency_ms;
  const consecutive_failures = call.error ? b.consecutive_failures + 1 : 0;
  if (status === 'half_open') {
    // The probe decides alone: a recovered processor starts again from a clean history.
    return call.error
      ? { ...b, open: true, opened_at: now, consecutive_failures, calls }
      : { ...CLOSED_BREAKER, calls: 1, latency_ewma_ms: call.latency_ms };
  }
  const next = { ...b, consecutive_failures, error_ewma, latency_ewma_ms, calls };
  if (status === 'open') return next;
  const trip =
    consecutive_failures >= cfg.consecutive_failures_to_open ||
    (calls >= cfg.min_calls && (error_ewma >= cfg.error_rate_to_open || latency_ewma_ms >= cfg.latency_ms_to_open));
  return trip ? { ...next, open: true, opened_at: now } : next;
}
