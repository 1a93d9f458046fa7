import { describe, expect, it } from 'vitest';
import { countsAt } from '../../../functions/core/routing/decayed-counts.js';
import { segmentPosterior } from '../../../functions/core/routing/posterior.js';
import { segmentKeys } from '../../../functions/core/routing/segments.js';
import { DEFAULT_ROUTING_CONFIG as cfg, emptyRoutingState, recordOutcome, type RoutingState } from '../../../functions/core/routing/state.js';

const visa = { method: 'card', currency: 'brl', brand: 'visa', amount: 3_000 };
const amex = { method: 'card', currency: 'brl', brand: 'amex', amount: 3_000 };

function feed(state: RoutingState, n: number, rate: number, req = visa, at = 0): RoutingState {
  let s = state;
  for (let i = 0; i < n; i++) s = recordOutcome(s, { processor: 'a', request: req, result: i % 100 < rate * 100 ? 'approved' : 'declined', latency_ms: 100, at }, cfg);
  return s;
}

describe('routing state', () => {
  it('is updated purely: the previous state is untouched and JSON round-trips', () => {
    const s0 = emptyRoutingState();
    const frozen = JSON.stringify(s0);
    const s1 = feed(s0, 10, 0.9);
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(s1))).toEqual(s1);
  });

  it('teaches the success model only from approvals and declines, never from errors', () => {
    const s = recordOutcome(emptyRoutingState(), { processor: 'a', request: visa, result: 'error', latency_ms: 8_000, at: 0 }, cfg);
    expect(s.segments).toEqual({});
    expect(s.breakers.a!.consecutive_failures).toBe(1);
  });

  it('halves evidence after one half-life of elapsed time', () => {
    const s = feed(emptyRoutingState(), 40, 0.5);
    const c = s.segments.a!;
    const later = countsAt(c, cfg.half_life_ms, cfg.half_life_ms);
    expect(later.s + later.f).toBeCloseTo(20, 6);
  });

  it('backs a sparse segment off to its parent, and lets a busy segment speak for itself', () => {
    let s = feed(emptyRoutingState(), 1_000, 0.9, visa);
    const sparse = segmentPosterior(s, segmentKeys('a', amex), 0, cfg);
    expect(sparse.mean).toBeGreaterThan(0.85); // no amex data yet: the processor-level 0.9 is borrowed
    s = feed(s, 2_000, 0.3, amex);
    const busy = segmentPosterior(s, segmentKeys('a', amex), 0, cfg);
    expect(busy.mean).toBeLessThan(0.35);
    expect(busy.level).toBe(3);
  });
});
