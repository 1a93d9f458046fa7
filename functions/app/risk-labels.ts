/**
 * `POST /v1/risk/labels`: a merchant reports what a payment turned out to be (a chargeback, a
 * MED claim, confirmed fraud, a review verdict). The label travels as the internal `risk.label`
 * event through the outbox; the RiskAgent consumer learns from it. Labelling changes no payment.
 */
import { buildEvent } from './events.js';
import { notFound } from '../core/errors.js';
import type { RiskLabel } from './agents/risk-feedback.js';
import type { EventOutbox } from './ports/event-outbox.js';
import type { PaymentStore } from './ports/payment-store.js';
import type { Clock } from './ports/system.js';
import { deterministicId } from '../core/ids.js';

export async function submitRiskLabel(merchantId: string, label: RiskLabel, deps: { payments: PaymentStore; outbox: EventOutbox; clock: Clock }) {
  const p = await deps.payments.get(merchantId, label.payment_id);
  if (!p) throw notFound('payment');
  const key = `${p.id}:${label.label}:${label.source}`;
  const object = { object: 'risk_label' as const, id: deterministicId('rl', key), payment_id: p.id, label: label.label, source: label.source, ...(p.agent_id ? { agent_id: p.agent_id } : {}) };
  await deps.outbox.emit([buildEvent({ type: 'risk.label', merchantId, object, at: deps.clock.now(), dedupeKey: key })]);
  return { ...object, status: 'accepted' as const };
}
