/**
 * Stripe webhooks (`POST /webhooks/stripe`), after the signature was verified at the edge. Each
 * Stripe event is handled once (its id is claimed by a conditional write). Stripe is never the
 * source of truth for money here — the saga and reconciliation are — so events only feed what
 * Stripe alone knows: a dispute (chargeback) becomes a `risk.label` (fraud, chargeback) for the
 * risk agent; everything else is acknowledged.
 */
import { submitRiskLabel } from './risk-labels.js';
import type { EventOutbox } from './ports/event-outbox.js';
import type { PaymentStore } from './ports/payment-store.js';
import type { Clock } from './ports/system.js';

export interface StripeEventLike {
  readonly id: string;
  readonly type: string;
  readonly data: { readonly object: Record<string, unknown> };
}

export interface StripeWebhookDeps {
  readonly payments: PaymentStore;
  readonly outbox: EventOutbox;
  readonly clock: Clock;
  /** Claims a Stripe event id; false when it was handled before (a redelivery). */
  readonly claim: (eventId: string) => Promise<boolean>;
}

export type StripeWebhookOutcome = 'duplicate' | 'labelled' | 'ignored' | 'unknown_payment';

export async function handleStripeEvent(e: StripeEventLike, deps: StripeWebhookDeps): Promise<StripeWebhookOutcome> {
  if (!(await deps.claim(e.id))) return 'duplicate';
  if (e.type !== 'charge.dispute.created') return 'ignored';
  const intent = e.data.object['payment_intent'];
  if (typeof intent !== 'string') return 'unknown_payment';
  const p = await deps.payments.findByProcessorReference('stripe', intent);
  if (!p) return 'unknown_payment';
  await submitRiskLabel(p.merchant_id, { payment_id: p.id, label: 'fraud', source: 'chargeback' }, deps);
  return 'labelled';
}
