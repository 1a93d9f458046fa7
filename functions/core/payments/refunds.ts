/**
 * Refund arithmetic (API.md "Refunds"): what may still be refunded is what was captured, less
 * what was refunded and what is being refunded right now. Pending refunds hold their amount, so
 * concurrent refunds can never together exceed the capture, whatever the interleaving.
 */
import { AppError } from '../errors.js';
import type { Payment } from './types.js';

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface Refund {
  readonly id: string;
  readonly payment_id: string;
  readonly merchant_id: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: RefundStatus;
  readonly reason?: string;
  readonly processor: string;
  readonly processor_reference?: string;
  readonly failure_code?: string;
  readonly created: string;
  readonly updated: string;
  readonly idempotency_key: string;
}

export function refundable(p: Payment): number {
  return p.amount_captured - p.amount_refunded - (p.amount_refund_pending ?? 0);
}

/** Checks a refund request against the payment; returns the amount to refund. */
export function checkRefund(p: Payment, requested: number | undefined): number {
  if (p.status !== 'succeeded') throw new AppError('invalid_state', `Only a succeeded payment can be refunded; this one is ${p.status}`);
  const left = refundable(p);
  const amount = requested ?? left;
  if (amount <= 0) throw new AppError('invalid_state', 'Nothing left to refund', { param: 'amount' });
  if (amount > left) throw new AppError('invalid_state', `Cannot refund ${amount}: only ${left} is refundable`, { param: 'amount' });
  return amount;
}

/** The payment while a refund of `amount` is in flight. */
export function holdRefund(p: Payment, amount: number): Pick<Payment, 'amount_refund_pending'> {
  return { amount_refund_pending: (p.amount_refund_pending ?? 0) + amount };
}

/** The payment once a held refund ended (succeeded: counted as refunded; failed: released). */
export function settleRefund(p: Payment, amount: number, succeeded: boolean): Pick<Payment, 'amount_refund_pending' | 'amount_refunded'> {
  return {
    amount_refund_pending: Math.max(0, (p.amount_refund_pending ?? 0) - amount),
    amount_refunded: p.amount_refunded + (succeeded ? amount : 0),
  };
}

export function refundView(r: Refund) {
  return {
    id: r.id, object: 'refund' as const, payment_id: r.payment_id, amount: r.amount, currency: r.currency, status: r.status,
    ...(r.reason ? { reason: r.reason } : {}), ...(r.failure_code ? { failure_code: r.failure_code } : {}), created: r.created,
  };
}
