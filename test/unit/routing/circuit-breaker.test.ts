import { describe, expect, it } from 'vitest';
import { breakerStatus, CLOSED_BREAKER, DEFAULT_BREAKER_CONFIG as cfg, recordCall, type BreakerState } from '../../../functions/core/routing/circuit-breaker.js';

const ok = { error: false, latency_ms: 100 };
const err = { error: true, latency_ms: 30 };

function run(calls: { error: boolean; latency_ms: number }[], start = 0): BreakerState {
  return calls.reduce((b, c, i) => recordCall(b, c, start + i), CLOSED_BREAKER);
}

describe('circuit breaker', () => {
  it('opens after the configured number of consecutive failures', () => {
    const b = run([ok, ok, err, err]);
    expect(breakerStatus(b, 10)).toBe('closed');
    const opened = recordCall(b, err, 10);
    expect(breakerStatus(opened, 11)).toBe('open');
  });

  it('opens on a high recent error rate even without a failure streak', () => {
    const calls = Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? ok : err));
    expect(breakerStatus(run(calls), 20)).toBe('open');
  });

  it('opens on high recent latency', () => {
    const slow = { error: false, latency_ms: cfg.latency_ms_to_open * 2 };
    expect(breakerStatus(run([slow, slow, slow, slow, slow, slow]), 10)).toBe('open');
  });

  it('turns half-open after the cool-down; a successful probe closes it, a failed one re-opens it', () => {
    const open = run([err, err, err]);
    const t = 2 + cfg.cooldown_ms;
    expect(breakerStatus(open, t - 1)).toBe('open');
    expect(breakerStatus(open, t)).toBe('half_open');
    expect(breakerStatus(recordCall(open, ok, t), t + 1)).toBe('closed');
    const reopened = recordCall(open, err, t);
    expect(breakerStatus(reopened, t + 1)).toBe('open');
    expect(breakerStatus(reopened, t + cfg.cooldown_ms)).toBe('half_open');
  });

  it('does not count declines (non-errors) as failures', () => {
    const b = run(Array.from({ length: 50 }, () => ok));
    expect(breakerStatus(b, 100)).toBe('closed');
    expect(b.consecutive_failures).toBe(0);
  });
});
