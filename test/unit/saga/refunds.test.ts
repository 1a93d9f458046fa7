import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRefund } from '../../../functions/app/refunds.js';
import { totalsByCurrency } from '../../../functions/core/ledger/index.js';
import { clock, world } from '../../support/payments-world.js';

async function paidWorld(amount = 10_000) {
  const w = await world();
  const p = await w.pay(`pay-${amount}-${Math.random()}`, { amount });
  const deps = { payments: w.payments, processors: w.deps.processors, ledger: w.ledger, clock };
  return { ...w, p, deps };
}

describe('refunds', () => {
  it('refunds partially, then the rest, and refuses more than captured with invalid_state', async () => {
    const w = await paidWorld(10_000);
    const r1 = await createRefund('mer_1', { payment_id: w.p.id, amount: 3_000 }, 'r1', w.deps);
    const r2 = await createRefund('mer_1', { payment_id: w.p.id }, 'r2', w.deps);
    expect([r1.status, r1.amount, r2.status, r2.amount]).toEqual(['succeeded', 3_000, 'succeeded', 7_000]);
    await expect(createRefund('mer_1', { payment_id: w.p.id, amount: 1 }, 'r3', w.deps)).rejects.toMatchObject({ code: 'invalid_state' });
    const p = await w.payments.getById(w.p.id);
    expect(p?.amount_refunded).toBe(10_000);
    expect(w.payments.outbox.filter((e) => e.type === 'refund.succeeded')).toHaveLength(2);
    expect([...totalsByCurrency(await w.ledger.balances('mer_1')).values()].every((v) => v === 0)).toBe(true);
  });

  it('replays the same refund for the same Idempotency-Key: one processor refund', async () => {
    const w = await paidWorld(5_000);
    const a = await createRefund('mer_1', { payment_id: w.p.id, amount: 1_000 }, 'same', w.deps);
    const b = await createRefund('mer_1', { payment_id: w.p.id, amount: 1_000 }, 'same', w.deps);
    expect(b.id).toBe(a.id);
    expect([...w.a.charges.values()][0]!.refunded).toBe(1_000);
  });

  it('answers a refund of another merchant’s payment as an unknown payment', async () => {
    const w = await paidWorld(5_000);
    await expect(createRefund('mer_other', { payment_id: w.p.id }, 'x', w.deps)).rejects.toMatchObject({ code: 'invalid_request', options: { param: 'payment_id' } });
  });

  it('never refunds more than captured under any interleaving of concurrent refunds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 6_000 }), { minLength: 2, maxLength: 8 }), async (amounts) => {
        const w = await paidWorld(10_000);
        const results = await Promise.allSettled(amounts.map((amount, i) => createRefund('mer_1', { payment_id: w.p.id, amount }, `c${i}`, w.deps)));
        const ok = results.flatMap((r) => (r.status === 'fulfilled' && r.value.status === 'succeeded' ? [r.value.amount] : []));
        const total = ok.reduce((a, b) => a + b, 0);
        const p = await w.payments.getById(w.p.id);
        expect(total).toBeLessThanOrEqual(10_000);
        expect(p?.amount_refunded).toBe(total);
        expect(p?.amount_refund_pending ?? 0).toBe(0);
        expect([...w.a.charges.values()][0]!.refunded).toBe(total);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'invalid_state' });
      }),
      { numRuns: 25 },
    );
  });
});
