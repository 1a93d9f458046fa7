/**
 * Adyen notifications (`POST /webhooks/adyen`), after every item's HMAC was verified at the edge.
 * Adyen answers modifications asynchronously, so this is where an Adyen card refund settles:
 *
 * - `REFUND` success → the card refund ledger entry (id derived from the refund id: posted once)
 *   and `finishRefund(succeeded)`: the payment's `amount_refunded`, the refund and its
 *   `refund.succeeded` event, once.
 * - `REFUND` with `success: false` → `finishRefund(failed)`: the held amount is released, `refund.failed`.
 * - `REFUND_FAILED` (the scheme bounced a refund Adyen had accepted): fails a refund still pending;
 *   one already succeeded is reported as `refund_reversed` for an operator (money came back; no
 *   automatic re-booking).
 * - Anything else (AUTHORISATION, CAPTURE, CAPTURE_FAILED, CANCELLATION, …) is acknowledged and
 *   ignored: the saga and card reconciliation own those outcomes.
 *
 * The refund is found by `merchantReference` (the adapter sends our refund id as the refund's
 * `reference`) on the payment Adyen names by `originalReference`. A refund we do not know is
 * ignored (`unknown_refund`). Each item is claimed once by `pspReference:eventCode:success`; a
 * redelivered refund item whose refund is still pending (an earlier delivery failed half-way) is
 * handled again — every effect is idempotent.
 */
import { cardRefundEntry } from '../core/ledger/index.js';
import type { Refund } from '../core/payments/index.js';
import { finishRefund } from './refunds.js';
import type { Ledger } from './ports/ledger.js';
import type { PaymentStore } from './ports/payment-store.js';
import type { Clock } from './ports/system.js';

/** A verified notification item in our terms (amount in ISO minor units, lower-case currency). */
export interface AdyenNotice {
  readonly eventCode: string;
  readonly success: boolean;
  readonly pspReference: string;
  readonly originalReference?: string;
  readonly merchantReference?: string;
  readonly amount: number;
  readonly currency: string;
  readonly reason?: string;
}

export interface AdyenNotificationDeps {
  readonly payments: PaymentStore;
  readonly ledger: Ledger;
  readonly clock: Clock;
  /** Claims an item key; false when it was handled before (a redelivery). */
  readonly claim: (key: string) => Promise<boolean>;
  /** Our processor id for Adyen (routing, ledger); default `adyen`. */
  readonly processor?: string;
}

export type AdyenNotificationOutcome =
  | 'refund_succeeded' | 'refund_failed' | 'refund_reversed' | 'already_final'
  | 'duplicate' | 'unknown_refund' | 'amount_mismatch' | 'ignored';

export interface AdyenNotificationResult {
  readonly key: string;
  readonly eventCode: string;
  readonly outcome: AdyenNotificationOutcome;
  readonly refund_id?: string;
}

export const noticeKey = (n: AdyenNotice): string => `${n.pspReference}:${n.eventCode}:${n.success}`;

export async function handleAdyenNotifications(notices: readonly AdyenNotice[], deps: AdyenNotificationDeps): Promise<AdyenNotificationResult[]> {
  const out: AdyenNotificationResult[] = [];
  for (const n of notices) out.push(await handleOne(n, deps));
  return out;
}

async function handleOne(n: AdyenNotice, deps: AdyenNotificationDeps): Promise<AdyenNotificationResult> {
  const key = noticeKey(n);
  const result = (outcome: AdyenNotificationOutcome, refund?: Refund): AdyenNotificationResult => ({ key, eventCode: n.eventCode, outcome, ...(refund ? { refund_id: refund.id } : {}) });
  const first = await deps.claim(key);
  if (n.eventCode !== 'REFUND' && n.eventCode !== 'REFUND_FAILED') return result(first ? 'ignored' : 'duplicate');
  const refund = await findRefund(n, deps);
  if (!refund) return result(first ? 'unknown_refund' : 'duplicate');
  if (refund.status !== 'pending') {
    if (!first) return result('duplicate', refund);
    return result(n.eventCode === 'REFUND_FAILED' && refund.status === 'succeeded' ? 'refund_reversed' : 'already_final', refund);
  }
  if (n.amount !== refund.amount || n.currency !== refund.currency) return result('amount_mismatch', refund);
  const now = deps.clock.now().toISOString();
  const succeeded = n.eventCode === 'REFUND' && n.success;
  if (succeeded) {
    await deps.ledger.post(cardRefundEntry({ merchantId: refund.merchant_id, refundId: refund.id, paymentId: refund.payment_id, psp: refund.processor, currency: refund.currency, amount: refund.amount, createdAt: now }));
  }
  const done: Refund = {
    ...refund, status: succeeded ? 'succeeded' : 'failed', updated: now, processor_reference: n.pspReference,
    ...(succeeded ? {} : { failure_code: 'processing_error' }),
  };
  const settled = await finishRefund(done, deps);
  return result(settled.status === 'succeeded' ? 'refund_succeeded' : 'refund_failed', settled);
}

/** The refund `merchantReference` names, on the payment Adyen knows by `originalReference`. */
async function findRefund(n: AdyenNotice, deps: AdyenNotificationDeps): Promise<Refund | undefined> {
  if (!n.originalReference || !n.merchantReference) return undefined;
  const processor = deps.processor ?? 'adyen';
  const payment = await deps.payments.findByProcessorReference(processor, n.originalReference);
  if (!payment) return undefined;
  const refund = await deps.payments.getRefund(payment.merchant_id, n.merchantReference);
  return refund && refund.payment_id === payment.id && refund.processor === processor ? refund : undefined;
}
