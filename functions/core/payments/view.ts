/** The public Payment object of API.md, from the internal record (internals stay inside). */
import type { Payment } from './types.js';

export function paymentView(p: Payment) {
  return {
    id: p.id,
    object: 'payment' as const,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    amount_captured: p.amount_captured,
    amount_refunded: p.amount_refunded,
    capture_method: p.capture_method,
    payment_method:
      p.payment_method.type === 'card'
        ? { type: 'card' as const, id: p.payment_method.id, card: { brand: p.payment_method.brand, last4: p.payment_method.last4, exp_month: p.payment_method.exp_month, exp_year: p.payment_method.exp_year, fingerprint: p.payment_method.fingerprint } }
        : { type: 'pix' as const },
    processor: p.processor,
    attempts: p.attempts.map((a) => ({ processor: a.processor, status: a.status, ...(a.failure_code ? { failure_code: a.failure_code } : {}), latency_ms: a.latency_ms ?? 0 })),
    decision: { ...(p.decision.risk ? { risk: p.decision.risk } : {}), ...(p.decision.routing ? { routing: p.decision.routing } : {}) },
    next_action: p.next_action ?? null,
    failure: p.failure,
    ...(p.description !== undefined ? { description: p.description } : {}),
    metadata: p.metadata ?? {},
    ...(p.agent_id ? { agent_id: p.agent_id } : {}),
    ...(p.mandate_id ? { mandate_id: p.mandate_id } : {}),
    ...(p.quote_id ? { quote_id: p.quote_id } : {}),
    created: p.created,
    updated: p.updated,
  };
}
export type PaymentView = ReturnType<typeof paymentView>;
