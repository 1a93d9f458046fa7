import { describe, expect, it } from 'vitest';
import { handleAdyenNotifications, type AdyenNotice } from '../../../functions/app/adyen-notifications.js';
import type { RefundRequest, RefundResult } from '../../../functions/app/ports/card-processor.js';
import { createRefund } from '../../../functions/app/refunds.js';
import { entryId, totalsByCurrency } from '../../../functions/core/ledger/index.js';
import { clock, world } from '../../support/payments-world.js';
import { ScriptedProcessor } from '../../support/scripted-processor.js';

/** Adyen acknowledges a refund (`received`) and settles it by notification. */
class AsyncRefunds extends ScriptedProcessor {
  override async refund(req: RefundRequest): Promise<RefundResult> {
    await super.refund(req);
    return { status: 'pending', refundReference: `psp_${req.idempotencyKey}` };
  }
}

async function adyenWorld() {
  const w = await world({ a: new AsyncRefunds('adyen'), b: new ScriptedProcessor('stripe', 'error') });
  const p = await w.pay(`an-${Math.random()}`, { amount: 5_000 });
  expect(p.processor).toBe('adyen');
  const seen = new Set<string>();
  const deps = { payments: w.payments, ledger: w.ledger, clock, claim: async (k: string) => (seen.has(k) ? false : (seen.add(k), true)) };
  const refund = await createRefund('mer_1', { payment_id: p.id, amount: 2_000 }, `r-${Math.random()}`, { payments: w.payments, processors: w.deps.processors, ledger: w.ledger, clock });
  expect(refund.status).toBe('pending');
  const notice = (over: Partial<AdyenNotice> = {}): AdyenNotice => ({
    eventCode: 'REFUND', success: true, pspReference: `psp_${refund.id}`, originalReference: p.processor_reference!, merchantReference: refund.id, amount: 2_000, currency: 'brl', ...over,
  });
  return { ...w, p, refund, deps, notice };
}

describe('Adyen notifications', () => {
  it('settles a pending refund on REFUND success once: ledger entry, amount_refunded, refund.succeeded', async () => {
    const w = await adyenWorld();
    const [first] = await handleAdyenNotifications([w.notice()], w.deps);
    expect(first).toMatchObject({ outcome: 'refund_succeeded', refund_id: w.refund.id, eventCode: 'REFUND' });
    const again = await handleAdyenNotifications([w.notice()], w.deps);
    expect(again[0]!.outcome).toBe('duplicate');
    const p = await w.payments.getById(w.p.id);
    expect([p?.amount_refunded, p?.amount_refund_pending ?? 0]).toEqual([2_000, 0]);
    expect(await w.payments.getRefund('mer_1', w.refund.id)).toMatchObject({ status: 'succeeded', processor_reference: `psp_${w.refund.id}` });
    expect(w.payments.outbox.filter((e) => e.type === 'refund.succeeded')).toHaveLength(1);
    expect(await w.ledger.getEntry(entryId('card_refund', w.refund.id))).toMatchObject({ reference: { type: 'refund', id: w.refund.id } });
    expect([...totalsByCurrency(await w.ledger.balances('mer_1')).values()].every((v) => v === 0)).toBe(true);
  });

  it('fails the refund on REFUND success=false and on REFUND_FAILED, releasing the held amount with no ledger entry', async () => {
    for (const over of [{ success: false }, { eventCode: 'REFUND_FAILED' }] as const) {
      const w = await adyenWorld();
      const [r] = await handleAdyenNotifications([w.notice(over)], w.deps);
      expect(r!.outcome).toBe('refund_failed');
      const p = await w.payments.getById(w.p.id);
      expect([p?.amount_refunded, p?.amount_refund_pending ?? 0]).toEqual([0, 0]);
      expect(await w.payments.getRefund('mer_1', w.refund.id)).toMatchObject({ status: 'failed', failure_code: 'processing_error' });
      expect(w.payments.outbox.filter((e) => e.type === 'refund.failed')).toHaveLength(1);
      expect(await w.ledger.getEntry(entryId('card_refund', w.refund.id))).toBeUndefined();
    }
  });

  it('reports a REFUND_FAILED after success for an operator without changing the settled refund', async () => {
    const w = await adyenWorld();
    await handleAdyenNotifications([w.notice()], w.deps);
    const [r] = await handleAdyenNotifications([w.notice({ eventCode: 'REFUND_FAILED', pspReference: 'psp_later' })], w.deps);
    expect(r!.outcome).toBe('refund_reversed');
    expect((await w.payments.getRefund('mer_1', w.refund.id))?.status).toBe('succeeded');
  });

  it('ignores unknown refunds, other payments’ refunds, amount mismatches and other event codes', async () => {
    const w = await adyenWorld();
    const results = await handleAdyenNotifications([
      w.notice({ merchantReference: 're_unknown', pspReference: 'a' }),
      w.notice({ originalReference: 'unknown_psp', pspReference: 'b' }),
      w.notice({ merchantReference: undefined, pspReference: 'c' }),
      w.notice({ amount: 2_001, pspReference: 'd' }),
      w.notice({ eventCode: 'CAPTURE_FAILED', success: true, pspReference: 'e' }),
      w.notice({ eventCode: 'CAPTURE', pspReference: 'f' }),
    ], w.deps);
    expect(results.map((r) => r.outcome)).toEqual(['unknown_refund', 'unknown_refund', 'unknown_refund', 'amount_mismatch', 'ignored', 'ignored']);
    expect((await w.payments.getRefund('mer_1', w.refund.id))?.status).toBe('pending');
    expect(w.payments.outbox.filter((e) => e.type.startsWith('refund.'))).toHaveLength(0);
  });

  it('handles a redelivery again when an earlier delivery claimed the item but failed before settling', async () => {
    const w = await adyenWorld();
    await w.deps.claim(`psp_${w.refund.id}:REFUND:true`);
    const [r] = await handleAdyenNotifications([w.notice()], w.deps);
    expect(r!.outcome).toBe('refund_succeeded');
    expect((await w.payments.getById(w.p.id))?.amount_refunded).toBe(2_000);
  });
});
