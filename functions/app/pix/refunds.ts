/**
 * Pix refunds are devoluções (API.md "Refunds", PIX_SPEC §3.5): `PUT /pix/{e2eid}/devolucao/{id}`
 * with an id derived from our refund id (so a retried request reaches the PSP with the same id and
 * the PSP replays it, bacen/pix-api#277), then EM_PROCESSAMENTO → DEVOLVIDO | NAO_REALIZADO, learnt
 * from the PSP's callback, from `GET /v1/refunds/{id}`, or from the polling schedule, whichever
 * comes first; settling is idempotent (finishRefund settles a refund once).
 */
import { AppError } from '../../core/errors.js';
import { pixDevolucaoEntry } from '../../core/ledger/index.js';
import type { Payment, Refund } from '../../core/payments/index.js';
import { finishRefund } from '../refunds.js';
import { PixPspError, type PixRefund } from '../ports/pix-psp.js';
import type { PixDeps } from './deps.js';
import { pspRefundId } from './ids.js';
import { atPsp } from './psp-errors.js';

/** The devolução window: 90 days from the original settlement (API Pix `PixDevolucaoInvalida`). */
export const REFUND_WINDOW_MS = 90 * 86_400_000;

async function paidPix(paymentId: string, deps: Pick<PixDeps, 'pix'>): Promise<{ endToEndId: string; paidAt: string }> {
  const c = await deps.pix.getChargeByPayment(paymentId);
  if (!c?.end_to_end_id || !c.paid_at) throw new AppError('invalid_state', 'The payment has no received Pix to return');
  return { endToEndId: c.end_to_end_id, paidAt: c.paid_at };
}

/** Refuses a devolução the PSP would refuse anyway: more than 90 days after the Pix settled. */
export async function checkPixRefund(p: Payment, deps: Pick<PixDeps, 'pix' | 'clock'>): Promise<void> {
  const { paidAt } = await paidPix(p.id, deps);
  if (deps.clock.now().getTime() - Date.parse(paidAt) > REFUND_WINDOW_MS) {
    throw new AppError('invalid_state', 'A Pix can only be returned within 90 days of its settlement');
  }
}

/** Settles our refund from the PSP's devolução once it is final; a pending one is left as is. */
async function settle(refund: Refund, endToEndId: string, d: PixRefund, deps: PixDeps): Promise<Refund> {
  if (d.status === 'processing') return refund;
  const now = deps.clock.now();
  if (d.status === 'returned') {
    await deps.ledger.post(pixDevolucaoEntry({ merchantId: refund.merchant_id, refundId: refund.id, endToEndId, amount: refund.amount, createdAt: now.toISOString() }));
  }
  const done: Refund = {
    ...refund, status: d.status === 'returned' ? 'succeeded' : 'failed', updated: now.toISOString(),
    ...(d.status === 'returned' ? { processor_reference: d.returnId } : { failure_code: 'pix_refund_not_completed' }),
  };
  const final = await finishRefund(done, deps);
  await deps.pix.removePendingRefund(refund.id);
  return final;
}

/** The `pixRefund` hook of createRefund: sends (or re-sends) the devolução for a held refund. */
export async function requestPixRefund(payment: Payment, refund: Refund, deps: PixDeps): Promise<Refund> {
  const { endToEndId } = await paidPix(payment.id, deps);
  await deps.pix.addPendingRefund({ refund_id: refund.id, merchant_id: refund.merchant_id, end_to_end_id: endToEndId, created: refund.created });
  let d: PixRefund;
  try {
    d = await deps.psp.requestRefund({ endToEndId, refundId: pspRefundId(refund.id), amount: refund.amount, ...(refund.reason ? { reason: refund.reason } : {}) });
  } catch (err) {
    if (err instanceof PixPspError && err.code === 'invalid_request') {
      // The PSP refused the devolução outright (PixDevolucaoInvalida): release the held amount.
      return settle(refund, endToEndId, { endToEndId, refundId: pspRefundId(refund.id), returnId: '', amount: refund.amount, nature: 'original', status: 'failed' }, deps);
    }
    return atPsp('request the devolução', () => Promise.reject(err));
  }
  return settle(refund, endToEndId, d, deps);
}

/** Asks the PSP about a pending Pix refund and settles it when final (GET, callback, schedule). */
export async function refreshPixRefund(refund: Refund, deps: PixDeps): Promise<Refund> {
  if (refund.status !== 'pending' || refund.processor !== 'pix') return refund;
  const { endToEndId } = await paidPix(refund.payment_id, deps);
  const d = await atPsp('read the devolução', () => deps.psp.getRefund(endToEndId, pspRefundId(refund.id)));
  return d ? settle(refund, endToEndId, d, deps) : refund;
}

/** Settles a refund from a devolução the PSP reported (its callback carries `devolucoes`). */
export async function settleReportedRefund(refund: Refund, d: PixRefund, deps: PixDeps): Promise<Refund> {
  if (refund.status !== 'pending') return refund;
  return settle(refund, d.endToEndId, d, deps);
}

/** The schedule: every pending devolução, oldest first. */
export async function pollPendingPixRefunds(deps: PixDeps, limit = 100): Promise<{ checked: number; settled: number }> {
  let settled = 0;
  const pending = await deps.pix.listPendingRefunds(limit);
  for (const p of pending) {
    const refund = await deps.payments.getRefund(p.merchant_id, p.refund_id);
    if (!refund || refund.status !== 'pending') {
      await deps.pix.removePendingRefund(p.refund_id);
      continue;
    }
    if ((await refreshPixRefund(refund, deps)).status !== 'pending') settled++;
  }
  return { checked: pending.length, settled };
}
