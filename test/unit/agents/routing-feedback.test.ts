import { describe, expect, it } from 'vitest';
import { MemoryRoutingStateStore } from '../../../functions/adapters/memory/routing-state.js';
import { applyAttemptOutcome, resultOf, routingFeedbackLocal } from '../../../functions/app/agents/routing-feedback.js';
import { AgentRouter } from '../../../functions/app/decisions/agent-router.js';
import { buildEvent } from '../../../functions/app/events.js';
import { RoutingStateConflictError } from '../../../functions/app/ports/routing-state.js';
import type { Payment } from '../../../functions/core/payments/index.js';

const at = new Date('2026-11-22T12:00:00Z');
const attempt = (i: number, status: string) => buildEvent({
  type: 'payment.attempt.completed', merchantId: 'mer_1', at, dedupeKey: `pay_${i}:0:acq_a:${status}`,
  object: { object: 'payment_attempt', id: `pay_${i}:0`, payment_id: `pay_${i}`, processor: 'acq_a', status, latency_ms: 100, amount: 1000, currency: 'brl', method: 'card', brand: 'visa', bin: '424242' },
});
const payment = { id: 'pay_x', merchant_id: 'mer_1', amount: 1000, currency: 'brl', payment_method: { type: 'card', brand: 'visa', bin: '424242' } } as unknown as Payment;
const profiles = [{ id: 'acq_a', methods: ['card'], currencies: ['brl'], fee: { percent_bps: 300, fixed: 30 } }];

describe('routing agent feedback and router', () => {
  it('maps attempt statuses to routing results (errors only feed the breaker)', () => {
    expect([resultOf('captured'), resultOf('declined'), resultOf('timeout'), resultOf('pending')]).toEqual(['approved', 'declined', 'error', undefined]);
  });

  it('applies an attempt once: a redelivered event is recognised and changes nothing', async () => {
    const store = new MemoryRoutingStateStore();
    const e = attempt(1, 'captured');
    expect(await applyAttemptOutcome(e, { store })).toBe('applied');
    const before = await store.load('mer_1', 'card');
    expect(await applyAttemptOutcome(e, { store })).toBe('duplicate');
    expect(await store.load('mer_1', 'card')).toEqual(before);
    expect(before.version).toBe(1);
  });

  it('re-reads and re-applies on a version conflict, losing neither write', async () => {
    const store = new MemoryRoutingStateStore();
    const save = store.save.bind(store);
    let raced = false;
    store.save = async (m, s, next, v) => {
      if (!raced) { raced = true; await applyAttemptOutcome(attempt(2, 'declined'), { store }); }
      return save(m, s, next, v);
    };
    expect(await applyAttemptOutcome(attempt(3, 'captured'), { store })).toBe('applied');
    const s = await store.load('mer_1', 'card');
    expect(s.version).toBe(2);
    expect(s.applied).toHaveLength(2);
  });

  it('with a process lane: concurrent outcomes of one merchant are applied in turn from the state written last, one read in all', async () => {
    const store = new MemoryRoutingStateStore();
    const local = routingFeedbackLocal();
    const events = Array.from({ length: 12 }, (_, i) => attempt(100 + i, i % 3 === 0 ? 'error' : 'captured'));
    expect(await Promise.all(events.map((e) => applyAttemptOutcome(e, { store, local })))).toEqual(Array(12).fill('applied'));
    expect(store.reads).toBe(1);
    const s = await store.load('mer_1', 'card');
    expect(s.version).toBe(12);
    expect(new Set(s.applied)).toEqual(new Set(events.map((e) => e.id)));
    // Another process wrote since: the remembered state conflicts, is re-read, and both outcomes count.
    await applyAttemptOutcome(attempt(200, 'declined'), { store });
    expect(await applyAttemptOutcome(attempt(201, 'captured'), { store, local })).toBe('applied');
    const after = await store.load('mer_1', 'card');
    expect(after.version).toBe(14);
    expect(after.applied.slice(-2)).toEqual([attempt(200, 'declined').id, attempt(201, 'captured').id]);
    expect(await applyAttemptOutcome(events[0]!, { store, local })).toBe('duplicate');
  });

  it('gives up with the conflict error when every retry loses', async () => {
    const store = new MemoryRoutingStateStore();
    store.save = async () => { throw new RoutingStateConflictError('mer_1', 'card'); };
    await expect(applyAttemptOutcome(attempt(4, 'captured'), { store })).rejects.toBeInstanceOf(RoutingStateConflictError);
  });

  it('router reads the state once per cache period and decides the same way for the same payment', async () => {
    const store = new MemoryRoutingStateStore();
    const router = new AgentRouter(store, { processors: profiles, cacheMs: 5_000 });
    const d1 = await router.rank(payment, { now: at });
    const d2 = await router.rank(payment, { now: new Date(at.getTime() + 1_000) });
    expect(store.reads).toBe(1);
    expect(d2).toEqual(d1);
    await router.rank(payment, { now: new Date(at.getTime() + 6_000) });
    expect(store.reads).toBe(2);
    expect(d1.chosen).toBe('acq_a');
    // Prior mean 0.5: fixed 30 + 0.5 × (3 % of 1000) = 45.
    expect(d1.ranked[0]).toMatchObject({ processor: 'acq_a', expected_success: 0.5, expected_cost: 45 });
  });

  it('router answers chosen "none" with no candidate when no processor takes the currency', async () => {
    const router = new AgentRouter(new MemoryRoutingStateStore(), { processors: profiles });
    const d = await router.rank({ ...payment, currency: 'usd' } as Payment, { now: at });
    expect(d).toMatchObject({ chosen: 'none', ranked: [] });
  });
});
