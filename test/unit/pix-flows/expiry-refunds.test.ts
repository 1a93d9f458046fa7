import { describe, expect, it } from 'vitest';
import { expirePixCharges, removePixCharge } from '../../../functions/app/pix/expiry.js';
import { checkPixRefund, pollPendingPixRefunds, requestPixRefund } from '../../../functions/app/pix/refunds.js';
import { handlePixCallback } from '../../../functions/app/pix/webhook.js';
import { cancelPayment } from '../../../functions/app/payments.js';
import { createRefund } from '../../../functions/app/refunds.js';
import type { Payment, Refund } from '../../../functions/core/payments/index.js';
import { pixWorld } from '../../support/pix-world.js';

const tick = () => new Promise((r) => setTimeout(r, 10));

async function paidWorld(amount = 1990) {
  const w = pixWorld();
  const c = await w.charge('paid', { amount });
  const pix = await w.psp.simulatePayment({ txid: c.charge.txid });
  await handlePixCallback(w.callback(pix), w.deps);
  const refundDeps = { payments: w.payments, processors: {}, ledger: w.ledger, clock: w.clock, pixRefund: (p: Payment, r: Refund) => requestPixRefund(p, r, w.deps), checkPixRefund: (p: Payment) => checkPixRefund(p, w.deps) };
  return { w, payment: c.payment, pix, refundDeps };
}
const balance = async (w: ReturnType<typeof pixWorld>, account: string) => (await w.ledger.balances('mer_1')).find((b) => b.account === account)?.amount ?? 0;

describe('Pix expiry and cancel', () => {
  it('an unpaid charge past expires_at is canceled with pix.charge.expired and payment.canceled, once', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k', { expires_in: 600 });
    expect(await expirePixCharges(w.deps)).toEqual({ checked: 0, expired: 0 });
    w.advance(601_000);
    expect(await expirePixCharges(w.deps)).toEqual({ checked: 1, expired: 1 });
    expect(await expirePixCharges(w.deps)).toEqual({ checked: 0, expired: 0 });
    expect(await w.payments.getById(payment.id)).toMatchObject({ status: 'canceled', next_action: null });
    expect(w.events('pix.charge.expired').map((e) => e.data.object)).toEqual([expect.objectContaining({ txid: charge.txid, status: 'EXPIRADA' })]);
    expect(w.events('payment.canceled')).toHaveLength(1);
  });

  it('a charge paid at the PSP whose webhook was lost is credited by the expiry job instead of expired', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k', { expires_in: 600 });
    await w.psp.simulatePayment({ txid: charge.txid });
    w.advance(601_000);
    expect(await expirePixCharges(w.deps)).toEqual({ checked: 1, expired: 0 });
    expect((await w.payments.getById(payment.id))?.status).toBe('succeeded');
    expect(await balance(w, 'pix_settlement')).toBe(1990);
    expect(w.events('pix.charge.expired')).toHaveLength(0);
  });

  it('canceling a Pix payment removes the cob at the PSP (removed_by_receiver), and it can no longer be paid', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k');
    const p = await cancelPayment('mer_1', payment.id, 'customer left', { payments: w.payments, processors: {}, clock: w.clock, removePixCharge: (x) => removePixCharge(x, w.deps) });
    expect(p.status).toBe('canceled');
    expect((await w.psp.getCharge(charge.txid))?.status).toBe('removed_by_receiver');
    expect((await w.pix.getChargeByTxid(charge.txid))?.status).toBe('canceled');
    await expect(w.psp.simulatePayment({ txid: charge.txid })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('canceling a charge the payer already paid refuses with invalid_state and credits the payment instead', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k');
    await w.psp.simulatePayment({ txid: charge.txid });
    await expect(cancelPayment('mer_1', payment.id, undefined, { payments: w.payments, processors: {}, clock: w.clock, removePixCharge: (x) => removePixCharge(x, w.deps) })).rejects.toMatchObject({ code: 'invalid_state' });
    expect((await w.payments.getById(payment.id))?.status).toBe('succeeded');
  });
});

describe('Pix refunds (devoluções)', () => {
  it('a refund is sent as a devolução, stays pending while EM_PROCESSAMENTO, then succeeds with its ledger entry and refund.succeeded', async () => {
    const { w, payment, pix, refundDeps } = await paidWorld();
    const r = await createRefund('mer_1', { payment_id: payment.id, amount: 500 }, 'rk1', refundDeps);
    expect(r.status).toBe('pending');
    expect((await w.psp.getRefund(pix.endToEndId, r.id.replace('_', '')))?.amount).toBe(500);
    await tick();
    expect(await pollPendingPixRefunds(w.deps)).toEqual({ checked: 1, settled: 1 });
    expect(await w.payments.getRefund('mer_1', r.id)).toMatchObject({ status: 'succeeded', processor_reference: expect.stringMatching(/^D/) });
    expect(await w.payments.getById(payment.id)).toMatchObject({ amount_refunded: 500, amount_refund_pending: 0 });
    expect(await balance(w, 'refunds')).toBe(500);
    expect(await balance(w, 'pix_settlement')).toBe(1490);
    expect(w.events('refund.succeeded')).toHaveLength(1);
    expect(await pollPendingPixRefunds(w.deps)).toEqual({ checked: 0, settled: 0 });
  });

  it('a retried refund request (same Idempotency-Key) reaches the PSP with the same devolução id and refunds once', async () => {
    const { w, payment, pix, refundDeps } = await paidWorld();
    const a = await createRefund('mer_1', { payment_id: payment.id }, 'same', refundDeps);
    const b = await createRefund('mer_1', { payment_id: payment.id }, 'same', refundDeps);
    expect(b.id).toBe(a.id);
    expect((await w.psp.getPix(pix.endToEndId))?.refunds).toHaveLength(1);
    expect((await w.payments.getById(payment.id))?.amount_refund_pending).toBe(1990);
  });

  it('the PSP callback reporting DEVOLVIDO settles the refund without polling', async () => {
    const { w, payment, pix, refundDeps } = await paidWorld();
    const r = await createRefund('mer_1', { payment_id: payment.id }, 'rk', refundDeps);
    await tick();
    const results = await handlePixCallback(w.callback(pix), w.deps);
    expect(results[0]).toMatchObject({ outcome: 'duplicate', refunds_settled: 1 });
    expect((await w.payments.getRefund('mer_1', r.id))?.status).toBe('succeeded');
  });

  it('more than 90 days after the Pix settled, a refund is refused with 409 invalid_state and nothing is held', async () => {
    const { w, payment, refundDeps } = await paidWorld();
    w.advance(91 * 86_400_000);
    await expect(createRefund('mer_1', { payment_id: payment.id }, 'late', refundDeps)).rejects.toMatchObject({ code: 'invalid_state' });
    expect((await w.payments.getById(payment.id))?.amount_refund_pending ?? 0).toBe(0);
    expect(w.events('refund.failed')).toHaveLength(0);
  });

  it('a devolução the PSP ends NAO_REALIZADO fails the refund and releases the held amount', async () => {
    const { w, payment, pix, refundDeps } = await paidWorld();
    w.psp.backdatePix(pix.endToEndId, 100); // the PSP sees it out of the window; our record does not
    const r = await createRefund('mer_1', { payment_id: payment.id }, 'rk', refundDeps);
    await tick();
    await pollPendingPixRefunds(w.deps);
    expect(await w.payments.getRefund('mer_1', r.id)).toMatchObject({ status: 'failed', failure_code: 'pix_refund_not_completed' });
    expect(await w.payments.getById(payment.id)).toMatchObject({ amount_refunded: 0, amount_refund_pending: 0 });
    expect(await balance(w, 'refunds')).toBe(0);
    expect(w.events('refund.failed')).toHaveLength(1);
  });
});
