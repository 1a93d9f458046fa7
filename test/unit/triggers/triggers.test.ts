import { describe, expect, it } from 'vitest';
import { MemoryTriggerStore } from '../../../functions/adapters/memory/triggers.js';
import { MemorySubscriptionStore } from '../../../functions/adapters/memory/subscriptions.js';
import { tokenizeCard } from '../../../functions/app/payment-methods.js';
import { createTrigger, disableTrigger } from '../../../functions/app/triggers/triggers.js';
import { evaluateTriggers, type EvaluateDeps } from '../../../functions/app/triggers/evaluate.js';
import { handlePlatformEvent } from '../../../functions/app/triggers/platform-events.js';
import { matchingTriggers, merchantBusEvent, merchantEventId, type Trigger } from '../../../functions/core/triggers/index.js';
import { buildEvent } from '../../../functions/app/events.js';
import { runPaymentSaga } from '../../support/run-saga.js';
import { clock, world } from '../../support/payments-world.js';

const ids = { random: (p: string) => `${p}_r${Math.random().toString(36).slice(2)}`, bytes: (k: number) => new Uint8Array(k).fill(5) };

async function setup() {
  const w = await world();
  const pm = await tokenizeCard('mer_1', { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2030 } }, { paymentMethods: w.deps.paymentMethods, vault: w.deps.vault, clock, ids });
  const triggers = new MemoryTriggerStore();
  const deps: EvaluateDeps = {
    triggers, clock,
    payments: () => ({ payments: w.payments, paymentMethods: w.deps.paymentMethods, workflow: { run: (ctx) => runPaymentSaga(ctx, w.deps) }, clock }),
    payouts: () => { throw new Error('no payouts here'); },
  };
  const payment = { type: 'payment' as const, params: { amount: 4200, currency: 'brl', payment_method: { type: 'card', token: pm.id } } };
  const charges = () => w.a.charges.size + w.b.charges.size;
  return { w, pm, triggers, deps, payment, charges };
}

const event = (type: string, data: unknown, key = 'k1') => merchantBusEvent({ id: merchantEventId('mer_1', key), merchantId: 'mer_1', type, data, at: clock.now() });

describe('trigger matching', () => {
  const t = (id: string, pattern: Record<string, unknown>, status: Trigger['status'] = 'enabled', created = '2026-01-01T00:00:00Z'): Trigger =>
    ({ id, merchant_id: 'mer_1', pattern, action: { type: 'payment', params: {} }, status, created, updated: created });

  it('matches on detail-type and content filters with the EventBridge matcher; disabled triggers never match', () => {
    const all = [
      t('trg_b', { 'detail-type': ['order.shipped'] }, 'enabled', '2026-01-02T00:00:00Z'),
      t('trg_a', { 'detail-type': ['order.shipped'], detail: { total: [{ numeric: ['>=', 1000] }] } }),
      t('trg_c', { 'detail-type': ['order.shipped'] }, 'disabled'),
      t('trg_d', { 'detail-type': ['order.canceled'] }),
      t('trg_e', { source: ['smart-agent-pay'] }),
    ];
    expect(matchingTriggers(all, event('order.shipped', { total: 1500 })).map((x) => x.id)).toEqual(['trg_a', 'trg_b']);
    expect(matchingTriggers(all, event('order.shipped', { total: 999 })).map((x) => x.id)).toEqual(['trg_b']);
    expect(matchingTriggers(all, event('order.delivered', {}))).toEqual([]);
    expect(merchantEventId('mer_1', 'k')).toBe(merchantEventId('mer_1', 'k'));
    expect(merchantEventId('mer_1', 'k')).not.toBe(merchantEventId('mer_2', 'k'));
  });
});

describe('trigger creation', () => {
  it('a malformed pattern is a 400 whose param is pattern.<path of the problem>', async () => {
    const s = await setup();
    await expect(createTrigger('mer_1', 'k', { pattern: { detail: { amount: [{ numeric: ['>', 'x'] }] } }, action: s.payment }, { triggers: s.triggers, clock, ids }))
      .rejects.toMatchObject({ code: 'invalid_request', param: expect.stringMatching(/^pattern\.detail\.amount\[0\]/) });
    await expect(createTrigger('mer_1', 'k', { pattern: { 'detail-type': 'order.shipped' }, action: s.payment }, { triggers: s.triggers, clock, ids }))
      .rejects.toMatchObject({ code: 'invalid_request', param: 'pattern.detail-type' });
  });

  it('bad action params are a 400 naming action.params.<field>; a Pix payment is refused', async () => {
    const s = await setup();
    const make = (params: Record<string, unknown>) => createTrigger('mer_1', undefined, { pattern: { source: ['merchant'] }, action: { type: 'payment', params } }, { triggers: s.triggers, clock, ids });
    await expect(make({ ...s.payment.params, amount: 1.5 })).rejects.toMatchObject({ param: 'action.params.amount' });
    await expect(make({ ...s.payment.params, colour: 'red' })).rejects.toMatchObject({ param: 'action.params.colour' });
    await expect(make({ amount: 100, currency: 'brl', payment_method: { type: 'pix' } })).rejects.toMatchObject({ param: 'action.params.payment_method.type' });
  });
});

describe('firing', () => {
  it('a matching event creates the payment once per (trigger, event), however often it is evaluated', async () => {
    const s = await setup();
    const trg = await createTrigger('mer_1', 'k', { pattern: { 'detail-type': ['order.shipped'] }, action: s.payment }, { triggers: s.triggers, clock, ids });
    const first = await evaluateTriggers('mer_1', event('order.shipped', { order: 'A-1' }), s.deps);
    expect(first).toHaveLength(1);
    expect(first[0]!.result).toMatchObject({ status: 'succeeded' });
    const again = await evaluateTriggers('mer_1', event('order.shipped', { order: 'A-1' }), s.deps);
    expect(again[0]!.result).toEqual(first[0]!.result);
    // Even with the firing record lost, the derived key lands on the same payment.
    s.triggers.firings.clear();
    const third = await evaluateTriggers('mer_1', event('order.shipped', { order: 'A-1' }), s.deps);
    expect(third[0]!.result).toEqual(first[0]!.result);
    expect(s.charges()).toBe(1);
    const p = await s.w.payments.getById((first[0]!.result as { id: string }).id);
    expect(p?.metadata).toMatchObject({ agentpay_trigger_id: trg.id });
    // A different event fires again; a disabled trigger does not.
    await evaluateTriggers('mer_1', event('order.shipped', {}, 'k2'), s.deps);
    expect(s.charges()).toBe(2);
    await disableTrigger('mer_1', trg.id, { triggers: s.triggers, clock, ids });
    expect(await evaluateTriggers('mer_1', event('order.shipped', {}, 'k3'), s.deps)).toEqual([]);
  });

  it('platform events fire merchant triggers on them, but events about what a trigger created do not (no loops)', async () => {
    const s = await setup();
    await createTrigger('mer_1', 'k', { pattern: { source: ['smart-agent-pay'], 'detail-type': ['payment.succeeded'] }, action: s.payment }, { triggers: s.triggers, clock, ids });
    const platform = (object: Record<string, unknown>, key: string) => {
      const detail = buildEvent({ type: 'payment.succeeded', merchantId: 'mer_1', object: { object: 'payment', id: key, ...object }, at: clock.now(), dedupeKey: key });
      return { 'detail-type': 'payment.succeeded', source: 'smart-agent-pay', detail };
    };
    const deps = { evaluate: s.deps, subscriptions: new MemorySubscriptionStore(), payments: s.w.payments };
    expect(await handlePlatformEvent(platform({}, 'pay_outside'), deps)).toBe(1);
    expect(await handlePlatformEvent(platform({}, 'pay_outside'), deps)).toBe(1);
    expect(s.charges()).toBe(1);
    const created = [...s.triggers.firings.values()][0]!.result as { id: string };
    expect(await handlePlatformEvent(platform({ metadata: { agentpay_trigger_id: 'trg_x' } }, 'pay_other'), deps)).toBe(0);
    expect(await handlePlatformEvent(platform({}, created.id), deps)).toBe(0);
    expect(s.charges()).toBe(1);
  });
});
