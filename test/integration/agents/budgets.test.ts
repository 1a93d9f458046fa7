/**
 * Mandate budgets against DynamoDB Local with the real saga ASL (test/support/payments-world.ts):
 * concurrent agent payments can never overspend, failures give their reservation back, and
 * release/settle happen once whatever is retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodKey } from '../../../functions/core/mandates/index.js';
import { clock, world } from '../../support/payments-world.js';
import { mandateTables } from './mandate-store.js';

describe('mandate budgets (DynamoDB Local, real saga ASL)', () => {
  let t: Awaited<ReturnType<typeof mandateTables>>;
  beforeAll(async () => { t = await mandateTables(); });
  afterAll(() => t?.close());
  const today = periodKey('day', clock.now());

  it('20 parallel agent payments against a budget that fits 5: exactly 5 succeed, the rest fail with mandate_violation (budget), nothing overspent', async () => {
    const m = await t.mandate({ budget: { amount: 5 * 1990, period: 'day' } });
    const w = await world({ budgets: t.budgets });
    const payer = { merchantId: 'mer_1', agentId: 'agt_1', mandateId: m.id };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => w.pay(`par-${i}`, { payer })));
    const succeeded = results.filter((p) => p.status === 'succeeded');
    expect(succeeded).toHaveLength(5);
    const refused = results.filter((p) => p.status === 'failed');
    expect(refused).toHaveLength(15);
    for (const p of refused) expect(p.failure).toMatchObject({ code: 'mandate_violation', param: 'budget' });
    expect(w.a.charges.size + w.b.charges.size).toBe(5);
    expect(await t.agents.usage(m.id, today)).toEqual({ spent: 5 * 1990, reserved: 0 });
  });

  it('declined payments release their reservation: after 3 parallel declines the whole budget is there again for 3 payments', async () => {
    const m = await t.mandate({ budget: { amount: 3 * 1990, period: 'day' } });
    const w = await world({ budgets: t.budgets });
    const payer = { merchantId: 'mer_1', agentId: 'agt_1', mandateId: m.id };
    w.a.behaviour = 'hard_decline';
    const declined = await Promise.all(Array.from({ length: 3 }, (_, i) => w.pay(`dec-${i}`, { payer })));
    expect(declined.every((p) => p.status === 'failed' && p.failure?.code === 'card_declined')).toBe(true);
    expect(await t.agents.usage(m.id, today)).toEqual({ spent: 0, reserved: 0 });
    w.a.behaviour = 'approve';
    const paid = await Promise.all(Array.from({ length: 4 }, (_, i) => w.pay(`ok-${i}`, { payer })));
    expect(paid.filter((p) => p.status === 'succeeded')).toHaveLength(3);
    expect(await t.agents.usage(m.id, today)).toEqual({ spent: 3 * 1990, reserved: 0 });
  });

  it('reserve, release and settle are idempotent per payment: retries never move the counter twice', async () => {
    const m = await t.mandate({ budget: { amount: 1000, period: 'total' } });
    const at = clock.now();
    await t.budgets.reserve({ mandateId: m.id, paymentId: 'pay_a', amount: 400, currency: 'brl', at });
    await t.budgets.reserve({ mandateId: m.id, paymentId: 'pay_a', amount: 400, currency: 'brl', at });
    expect(await t.agents.usage(m.id, 'total')).toEqual({ spent: 0, reserved: 400 });
    await t.budgets.settle({ mandateId: m.id, paymentId: 'pay_a' });
    await t.budgets.settle({ mandateId: m.id, paymentId: 'pay_a' });
    await t.budgets.release({ mandateId: m.id, paymentId: 'pay_a' });
    expect(await t.agents.usage(m.id, 'total')).toEqual({ spent: 400, reserved: 0 });
    await t.budgets.reserve({ mandateId: m.id, paymentId: 'pay_b', amount: 600, currency: 'brl', at });
    await t.budgets.release({ mandateId: m.id, paymentId: 'pay_b' });
    await t.budgets.release({ mandateId: m.id, paymentId: 'pay_b' });
    expect(await t.agents.usage(m.id, 'total')).toEqual({ spent: 400, reserved: 0 });
    await expect(t.budgets.reserve({ mandateId: m.id, paymentId: 'pay_c', amount: 601, currency: 'brl', at })).rejects.toMatchObject({ name: 'MandateLimitError', param: 'budget' });
  });

  it('a revoked mandate refuses the reservation atomically (status), whatever the API checked before', async () => {
    const m = await t.mandate();
    await t.agents.revokeMandate(m.id, clock.now());
    await expect(t.budgets.reserve({ mandateId: m.id, paymentId: 'pay_r', amount: 100, currency: 'brl', at: clock.now() })).rejects.toMatchObject({ param: 'status' });
    expect((await t.agents.getMandate(m.id))?.status).toBe('revoked');
  });
});
