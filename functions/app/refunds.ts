/**
 * Refunds (API.md "Refunds"): partial, multiple and concurrent-safe. The amount is first held on
 * the payment by a version-conditional write (so two concurrent refunds cannot both fit into the
 * same captured amount), then sent to the processor under the refund's own id as idempotency key,
 * then settled with its ledger entry and event. A retry with the same Idempotency-Key resumes
 * the same refund (its id is derived from the request), never refunding twice.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { AppError, notFound } from '../core/errors.js';
import { buildEvent } from './events.js';
import { deterministicId } from '../core/ids.js';
import { cardRefundEntry } from '../core/ledger/index.js';
import { amend, checkRefund, holdRefund, refundView, settleRefund, type Payment, type Refund } from '../core/payments/index.js';
import type { CardProcessor } from './ports/card-processor.js';
import type { Ledger } from './ports/ledger.js';
import { ConcurrentUpdateError, type PaymentStore } from './ports/payment-store.js';
import type { Clock } from './ports/system.js';

export interface RefundDeps {
  readonly payments: PaymentStore;
  readonly processors: Readonly<Record<string, CardProcessor>>;
  readonly ledger: Ledger;
  readonly clock: Clock;
  /** Pix refunds (devoluções) are delegated to the Pix flow when configured. */
  readonly pixRefund?: (p: Payment, r: Refund) => Promise<Refund>;
  /** Refuses a Pix refund before anything is held (e.g. past the 90-day devolução window). */
  readonly checkPixRefund?: (p: Payment) => Promise<void>;
}

export interface RefundRequest {
  readonly payment_id: string;
  readonly amount?: number | undefined;
  readonly reason?: string | undefined;
}

const MAX_CONFLICT_RETRIES = 8;

/** Re-reads and re-applies `change` until the version-conditional write lands. */
async function withPayment<T>(payments: PaymentStore, id: string, change: (p: Payment) => Promise<T> | T): Promise<T> {
  for (let i = 0; ; i++) {
    const p = await payments.getById(id);
    if (!p) throw notFound('payment');
    try {
      return await change(p);
    } catch (err) {
      if (!(err instanceof ConcurrentUpdateError) || i >= MAX_CONFLICT_RETRIES) throw err;
    }
  }
}

export async function createRefund(merchantId: string, req: RefundRequest, idempotencyKey: string, deps: RefundDeps): Promise<Refund> {
  const payment = await deps.payments.get(merchantId, req.payment_id);
  if (!payment) throw new AppError('invalid_request', `No such payment: ${req.payment_id}`, { param: 'payment_id' });
  const id = deterministicId('re', merchantId, idempotencyKey, canonicalJson(req));
  let refund = await deps.payments.getRefund(merchantId, id);
  if (refund && refund.status !== 'pending') return refund;
  if (!refund) {
    if (payment.payment_method.type === 'pix') await deps.checkPixRefund?.(payment);
    refund = await withPayment(deps.payments, payment.id, async (p) => {
      const amount = checkRefund(p, req.amount);
      const now = deps.clock.now();
      const r: Refund = {
        id, payment_id: p.id, merchant_id: merchantId, amount, currency: p.currency, status: 'pending', processor: p.processor ?? 'unknown',
        ...(req.reason ? { reason: req.reason } : {}), created: now.toISOString(), updated: now.toISOString(), idempotency_key: idempotencyKey,
      };
      await deps.payments.update(amend(p, now, holdRefund(p, amount)), { refunds: [r], audit: [{ at: now.toISOString(), actor: `merchant:${merchantId}`, action: 'refund.requested', data: { refund_id: id, amount } }] });
      return r;
    });
  }
  if (payment.payment_method.type === 'pix') {
    if (!deps.pixRefund) throw new AppError('service_unavailable', 'Pix refunds are not configured');
    return deps.pixRefund(payment, refund);
  }
  return sendCardRefund(refund, deps);
}

async function sendCardRefund(refund: Refund, deps: RefundDeps): Promise<Refund> {
  const p0 = await deps.payments.getById(refund.payment_id);
  const processor = deps.processors[refund.processor];
  if (!p0?.processor_reference || !processor) throw new AppError('invalid_state', 'The payment has no processor charge to refund');
  const r = await processor.refund({ reference: p0.processor_reference, amount: refund.amount, currency: refund.currency, idempotencyKey: refund.id, ...(refund.reason ? { reason: refund.reason } : {}) });
  if (r.status === 'pending') return refund;
  const succeeded = r.status === 'succeeded';
  const now = deps.clock.now();
  if (succeeded) {
    await deps.ledger.post(cardRefundEntry({ merchantId: refund.merchant_id, refundId: refund.id, paymentId: refund.payment_id, psp: refund.processor, currency: refund.currency, amount: refund.amount, createdAt: now.toISOString() }));
  }
  const done: Refund = {
    ...refund, status: succeeded ? 'succeeded' : 'failed', updated: now.toISOString(),
    ...(r.status === 'succeeded' ? { processor_reference: r.refundReference } : r.status === 'failed' ? { failure_code: r.code } : {}),
  };
  return finishRefund(done, deps);
}

/** Settles a held refund on its payment with its event, once (a repeat finds it already final). */
export async function finishRefund(done: Refund, deps: Pick<RefundDeps, 'payments' | 'clock'>): Promise<Refund> {
  return withPayment(deps.payments, done.payment_id, async (p) => {
    const current = await deps.payments.getRefund(done.merchant_id, done.id);
    if (current && current.status !== 'pending') return current;
    const now = deps.clock.now();
    const succeeded = done.status === 'succeeded';
    const type = succeeded ? 'refund.succeeded' : 'refund.failed';
    await deps.payments.update(amend(p, now, settleRefund(p, done.amount, succeeded)), {
      refunds: [done],
      events: [buildEvent({ type, merchantId: done.merchant_id, object: refundView(done), at: now, dedupeKey: done.id })],
      audit: [{ at: now.toISOString(), actor: `psp:${done.processor}`, action: type, data: { refund_id: done.id, amount: done.amount, failure_code: done.failure_code ?? null } }],
    });
    return done;
  });
}
