import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSED_BREAKER } from '../../../functions/core/routing/circuit-breaker.js';
import { decideRoute } from '../../../functions/core/routing/decide.js';
import { createPrng } from '../../../functions/core/routing/prng.js';
import type { RoutingRule } from '../../../functions/core/routing/rules.js';
import { emptyRoutingState, recordOutcome, type RoutingState } from '../../../functions/core/routing/state.js';
import type { ProcessorProfile, RoutingRequest } from '../../../functions/core/routing/types.js';

const P = (id: string, methods = ['card'], currencies = ['brl', 'usd']): ProcessorProfile => ({ id, methods, currencies, fee: { percent_bps: 290, fixed: 30 } });
const processors = [P('stripe'), P('adyen'), P('local', ['card'], ['brl']), P('pix_psp', ['pix'], ['brl'])];
const req: RoutingRequest = { payment_id: 'pay_1', merchant_id: 'mer_1', amount: 10_000, currency: 'brl', method: 'card', brand: 'visa' };
const cardIds = ['stripe', 'adyen', 'local'];

function openBreaker(s: RoutingState, id: string, at: number): RoutingState {
  let out = s;
  for (let i = 0; i < 3; i++) out = recordOutcome(out, { processor: id, request: req, result: 'error', latency_ms: 30, at }, undefined);
  return out;
}

const arbState = fc.record({ open: fc.subarray(cardIds), seed: fc.integer(), history: fc.array(fc.record({ p: fc.constantFrom(...cardIds), ok: fc.boolean() }), { maxLength: 60 }) })
  .map(({ open, seed, history }) => {
    let s = emptyRoutingState();
    for (const h of history) s = recordOutcome(s, { processor: h.p, request: req, result: h.ok ? 'approved' : 'declined', latency_ms: 100, at: 0 });
    for (const id of open) s = openBreaker(s, id, 1_000);
    return { s, open, seed };
  });

describe('decideRoute', () => {
  it('ranks a permutation of exactly the eligible processors, with the API shape', () => {
    fc.assert(fc.property(arbState, ({ s, seed }) => {
      const d = decideRoute({ request: req, processors, state: s, now: 1_500, rng: createPrng(seed) });
      expect([...d.ranked.map((r) => r.processor)].sort()).toEqual([...cardIds].sort());
      expect(d.chosen).toBe(d.ranked[0]!.processor);
      for (const r of d.ranked) {
        expect(r.expected_success).toBeGreaterThanOrEqual(0);
        expect(r.expected_success).toBeLessThanOrEqual(1);
        expect(Number.isInteger(r.expected_cost)).toBe(true);
      }
      expect(d.reason).toContain('thompson');
    }));
  });

  it('never puts a processor with an open breaker first unless all are open', () => {
    fc.assert(fc.property(arbState, ({ s, open, seed }) => {
      const d = decideRoute({ request: req, processors, state: s, now: 1_500, rng: createPrng(seed) });
      if (open.length < cardIds.length) expect(open).not.toContain(d.chosen);
      const firstOpen = d.ranked.findIndex((r) => open.includes(r.processor));
      if (firstOpen >= 0) expect(d.ranked.slice(firstOpen).every((r) => open.includes(r.processor))).toBe(true);
    }));
  });

  it('is deterministic given the state and the seed', () => {
    fc.assert(fc.property(arbState, ({ s, seed }) => {
      const a = decideRoute({ request: req, processors, state: s, now: 1_500, rng: createPrng(seed) });
      const b = decideRoute({ request: req, processors, state: s, now: 1_500, rng: createPrng(seed) });
      expect(a).toEqual(b);
    }));
  });

  it('prefers the processor with much better evidence', () => {
    let s = emptyRoutingState();
    for (let i = 0; i < 300; i++) {
      s = recordOutcome(s, { processor: 'stripe', request: req, result: i % 10 < 9 ? 'approved' : 'declined', latency_ms: 100, at: 0 });
      s = recordOutcome(s, { processor: 'adyen', request: req, result: i % 10 < 6 ? 'approved' : 'declined', latency_ms: 100, at: 0 });
      s = recordOutcome(s, { processor: 'local', request: req, result: i % 10 < 5 ? 'approved' : 'declined', latency_ms: 100, at: 0 });
    }
    const rng = createPrng(3);
    const firsts = Array.from({ length: 200 }, () => decideRoute({ request: req, processors, state: s, now: 0, rng }).chosen);
    expect(firsts.filter((c) => c === 'stripe').length).toBeGreaterThan(190);
  });

  it('returns chosen null when no processor takes the method and currency', () => {
    const d = decideRoute({ request: { ...req, currency: 'jpy' }, processors, state: emptyRoutingState(), now: 0, rng: createPrng(1) });
    expect(d).toEqual({ chosen: null, ranked: [], reason: 'no processor accepts card/jpy' });
  });

  it('applies rules first: exclusion, a merchant pin, and a pin losing to an open breaker', () => {
    const rules: RoutingRule[] = [
      { kind: 'exclude', id: 'no_local_usd', when: { currency: 'brl', min_amount: 5_000 }, processor: 'local' },
      { kind: 'pin', id: 'mer_1_adyen', when: { merchant_id: 'mer_1' }, processor: 'adyen' },
    ];
    const d = decideRoute({ request: req, processors, rules, state: emptyRoutingState(), now: 0, rng: createPrng(1) });
    expect(d.chosen).toBe('adyen');
    expect(d.ranked.map((r) => r.processor)).not.toContain('local');
    expect(d.reason).toContain('mer_1_adyen');
    const down = openBreaker(emptyRoutingState(), 'adyen', 0);
    const d2 = decideRoute({ request: req, processors, rules, state: down, now: 1, rng: createPrng(1) });
    expect(d2.chosen).toBe('stripe');
    expect(d2.reason).toContain('breaker open');
  });

  it('splits volume deterministically by payment id, close to the weights', () => {
    const rules: RoutingRule[] = [{ kind: 'split', id: 'ab', when: {}, weights: [{ processor: 'stripe', weight: 70 }, { processor: 'adyen', weight: 30 }] }];
    const chosen = Array.from({ length: 2_000 }, (_, i) => decideRoute({ request: { ...req, payment_id: `pay_${i}` }, processors, rules, state: emptyRoutingState(), now: 0, rng: createPrng(i) }).chosen);
    const share = chosen.filter((c) => c === 'stripe').length / chosen.length;
    expect(share).toBeGreaterThan(0.66);
    expect(share).toBeLessThan(0.74);
    const again = decideRoute({ request: { ...req, payment_id: 'pay_5' }, processors, rules, state: emptyRoutingState(), now: 0, rng: createPrng(999) }).chosen;
    expect(again).toBe(chosen[5]);
  });

  it('honours a contract minimum only while the processor is below its share', () => {
    const rules: RoutingRule[] = [{ kind: 'minimum', id: 'local_20pct', when: {}, processor: 'local', min_share_bps: 2_000 }];
    let s = emptyRoutingState();
    s = recordOutcome(s, { processor: 'stripe', request: req, result: 'approved', latency_ms: 1, at: 0 });
    expect(decideRoute({ request: req, processors, rules, state: s, now: 0, rng: createPrng(1) }).chosen).toBe('local');
    s = recordOutcome(s, { processor: 'local', request: req, result: 'approved', latency_ms: 1, at: 0 });
    expect(decideRoute({ request: req, processors, rules, state: s, now: 0, rng: createPrng(1) }).reason).not.toContain('local_20pct');
    expect(CLOSED_BREAKER.open).toBe(false);
  });
});
