/** API views of subscriptions and invoices (API.md style: `object`, no internal fields). */
import { churnRisk } from './churn.js';
import type { Invoice, Subscription } from './types.js';
import { periodBounds } from './period.js';

/** `customer`: the opened customer data (the record holds it sealed only). */
export function subscriptionView(s: Subscription, now: Date, customer?: { email?: string; name?: string; tax_id?: string }) {
  const period = periodBounds(s.start_at, s.interval, s.interval_count, s.current_period);
  const pm = s.payment_method.type === 'card' ? { type: 'card' as const, token: s.payment_method.token }
    : { type: 'pix' as const, recurrence_id: s.payment_method.recurrence_id, ...(s.payment_method.brcode ? { brcode: s.payment_method.brcode } : {}) };
  return {
    id: s.id, object: 'subscription' as const, status: s.status,
    ...(customer ? { customer } : {}),
    payment_method: pm,
    items: s.items, currency: s.currency, interval: s.interval, interval_count: s.interval_count, start_at: s.start_at,
    current_period_start: period.start, current_period_end: period.end,
    next_attempt_at: s.next_attempt_at, latest_invoice: s.latest_invoice ?? null,
    churn_risk: churnRisk(s.history, s.disputes, now.getTime()),
    canceled_at: s.canceled_at, created: s.created, updated: s.updated,
  };
}

export function invoiceView(i: Invoice) {
  return {
    id: i.id, object: 'invoice' as const, number: i.number, subscription_id: i.subscription_id, status: i.status,
    currency: i.currency, lines: i.lines, subtotal: i.subtotal, total: i.total, amount_paid: i.amount_paid,
    period_start: i.period.start, period_end: i.period.end,
    attempt_count: i.attempt_count, next_payment_attempt: i.next_payment_attempt, last_failure: i.last_failure,
    payment_ids: i.payment_ids, ...(i.pix ? { pix: i.pix } : {}), created: i.created, paid_at: i.paid_at,
  };
}
