import { describe, expect, it } from 'vitest';
import { MemorySubscriptionStore } from '../../../functions/adapters/memory/subscriptions.js';
import { cancelSubscription, createSubscription } from '../../../functions/app/billing/subscriptions.js';
import { renewDueSubscriptions } from '../../../functions/app/billing/renew.js';
import type { BillingDeps } from '../../../functions/app/billing/deps.js';
import { tokenizeCard } from '../../../functions/app/payment-methods.js';
import { subscriptionView } from '../../../functions/core/billing/index.js';
import { runPaymentSaga } from '../../support/run-saga.js';
import { world } from '../../support/payments-world.js';

const DAY = 86_400_000;

async function billing(behaviour: 'approve' | 'hard_decline' | 'soft_decline' = 'approve') {
  const w = await world();
  w.a.behaviour = behaviour;
  w.b.behaviour = behaviour;
  let now = new Date('2026-11-22T12:00:00Z');
  const clock = { now: () => now };
  const ids = { random: (p: string) => `${p}_x`, bytes: (k: number) => new Uint8Array(k).fill(3) };
  const pm = await tokenizeCard('mer_1', { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2030 } }, { paymentMethods: w.deps.paymentMethods, vault: w.deps.vault, clock, ids });
  const store = new MemorySubscriptionStore();
  const deps: BillingDeps = {
    subscriptions: store, paymentMethods: w.deps.paymentMethods, clock,
    cardPayments: () => ({ payments: w.payments, paymentMethods: w.deps.paymentMethods, workflow: { run: (ctx) => runPaymentSaga(ctx, { ...w.deps, clock }) }, clock }),
  };
  const sub = await createSubscription('mer_1', 'k1', { payment_method: { type: 'card', token: pm.id }, items: [{ description: 'Pro', amount: 2500, quantity: 2 }], currency: 'brl', interval: 'month', interval_count: 1 }, deps);
  const charges = () => w.a.charges.size + w.b.charges.size;
  return { w, deps, store, sub, charges, advance: (ms: number) => { now = new Date(now.getTime() + ms); }, now: () => now };
}

describe('subscription renewals', () => {
  it('bills the period once: a numbered invoice, one charge, the next period scheduled; a re-run charges nothing', async () => {
    const b = await billing();
    const r = await renewDueSubscriptions(b.deps);
    expect(r.outcomes.paid).toBe(1);
    const invoices = [...b.store.invoices.values()];
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ status: 'paid', total: 5000, amount_paid: 5000, number: expect.stringMatching(/-0001$/) });
    const s = b.store.subscriptions.get(b.sub.id)!;
    expect(s).toMatchObject({ status: 'active', current_period: 1, next_attempt_at: '2026-12-22T12:00:00.000Z' });
    expect(b.charges()).toBe(1);
    await renewDueSubscriptions(b.deps);
    expect(b.charges()).toBe(1);
    b.advance(31 * DAY);
    await renewDueSubscriptions(b.deps);
    expect([...b.store.invoices.values()].map((i) => i.number.slice(-4))).toEqual(['0001', '0002']);
    expect(b.charges()).toBe(2);
  });

  it('a subscription that started three periods ago catches up one invoice per period in one run', async () => {
    const b = await billing();
    await cancelSubscription('mer_1', b.sub.id, b.deps);
    const s = await createSubscription('mer_1', 'k2', { payment_method: b.sub.payment_method.type === 'card' ? b.sub.payment_method : { type: 'card', token: '' }, items: [{ description: 'x', amount: 100, quantity: 1 }], currency: 'brl', interval: 'week', interval_count: 1, start_at: '2026-11-01T12:00:00Z' }, b.deps);
    await renewDueSubscriptions(b.deps);
    expect(b.store.subscriptions.get(s.id)!.current_period).toBe(4);
    expect([...b.store.invoices.values()].filter((i) => i.subscription_id === s.id).map((i) => i.status)).toEqual(['paid', 'paid', 'paid', 'paid']);
  });

  it('a hard decline is not retried: invoice uncollectible, subscription unpaid', async () => {
    const b = await billing('hard_decline');
    await renewDueSubscriptions(b.deps);
    const inv = [...b.store.invoices.values()][0]!;
    expect(inv).toMatchObject({ status: 'uncollectible', attempt_count: 1, next_payment_attempt: null, last_failure: { code: 'card_declined', category: 'hard_decline' } });
    expect(b.store.subscriptions.get(b.sub.id)).toMatchObject({ status: 'unpaid', next_attempt_at: null });
    b.advance(10 * DAY);
    await renewDueSubscriptions(b.deps);
    expect([...b.store.invoices.values()][0]!.attempt_count).toBe(1);
  });

  it('a soft decline retries after 1, 3 and 5 days, flags churn risk, and a later success pays the same invoice', async () => {
    const b = await billing('soft_decline');
    const start = b.now().getTime();
    await renewDueSubscriptions(b.deps);
    let s = b.store.subscriptions.get(b.sub.id)!;
    expect(s.status).toBe('past_due');
    expect(Date.parse(s.next_attempt_at!) - start).toBe(DAY);
    // Not due yet: nothing happens.
    b.advance(DAY - 1000);
    await renewDueSubscriptions(b.deps);
    expect([...b.store.invoices.values()][0]!.attempt_count).toBe(1);
    b.advance(1000);
    await renewDueSubscriptions(b.deps);
    s = b.store.subscriptions.get(b.sub.id)!;
    expect(Date.parse(s.next_attempt_at!) - b.now().getTime()).toBe(3 * DAY);
    expect(s.history.filter((h) => h.outcome === 'failed')).toHaveLength(2);
    expect(subscriptionView(s, b.now()).churn_risk).toMatchObject({ level: 'medium', reasons: ['consecutive_failures:2'] });
    b.w.a.behaviour = 'approve';
    b.advance(3 * DAY);
    await renewDueSubscriptions(b.deps);
    const inv = [...b.store.invoices.values()][0]!;
    expect(inv).toMatchObject({ status: 'paid', attempt_count: 3 });
    expect(inv.payment_ids).toHaveLength(3);
    expect(b.store.subscriptions.get(b.sub.id)).toMatchObject({ status: 'active', current_period: 1 });
  });

  it('soft declines stop after the last retry: unpaid', async () => {
    const b = await billing('soft_decline');
    for (const wait of [0, 1, 3, 5]) {
      b.advance(wait * DAY);
      await renewDueSubscriptions(b.deps);
    }
    expect([...b.store.invoices.values()][0]).toMatchObject({ status: 'uncollectible', attempt_count: 4 });
    expect(b.store.subscriptions.get(b.sub.id)!.status).toBe('unpaid');
  });

  it('creating with an unknown card is a 400 naming payment_method.token; bad items name the item', async () => {
    const b = await billing();
    await expect(createSubscription('mer_1', 'k3', { payment_method: { type: 'card', token: 'pm_nope' }, items: [{ description: 'x', amount: 1, quantity: 1 }], currency: 'brl', interval: 'month', interval_count: 1 }, b.deps)).rejects.toMatchObject({ code: 'invalid_request', param: 'payment_method.token' });
    await expect(createSubscription('mer_1', 'k4', { payment_method: { type: 'card', token: 'pm_nope' }, items: [{ description: 'x', amount: 0, quantity: 1 }], currency: 'brl', interval: 'month', interval_count: 1 }, b.deps)).rejects.toMatchObject({ code: 'invalid_request', param: 'items' });
    await expect(createSubscription('mer_1', 'k5', { payment_method: { type: 'pix', debtor: { name: 'A', tax_id: '12345678909' } }, items: [{ description: 'x', amount: 1, quantity: 1 }], currency: 'brl', interval: 'week', interval_count: 1 }, b.deps)).rejects.toMatchObject({ param: 'interval' });
  });
});
