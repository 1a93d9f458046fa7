/**
 * The cheap, stateless part of mandate enforcement, run by the API before a payment starts. The
 * budget itself is enforced atomically when the saga reserves it (adapters/dynamodb/budgets.ts);
 * here only a payment larger than the whole budget is refused early.
 */
import type { Mandate, MandatePaymentMethod, MandateViolation } from './types.js';

export interface PaymentFacts {
  readonly amount: number;
  readonly currency: string;
  readonly method: MandatePaymentMethod;
  readonly merchantId: string;
  /** The merchant's category code (ISO 18245), when known. */
  readonly merchantMcc?: string | undefined;
  readonly now: Date;
}

/** The first limit `p` breaks, or `undefined` when the mandate allows it. */
export function mandateViolation(m: Mandate, p: PaymentFacts): MandateViolation | undefined {
  if (m.status !== 'active') return { param: 'status', message: `The mandate is ${m.status}` };
  if (Date.parse(m.expires_at) <= p.now.getTime()) return { param: 'expires_at', message: `The mandate expired at ${m.expires_at}` };
  if (p.currency !== m.currency) return { param: 'currency', message: `The mandate allows ${m.currency} only` };
  if (p.amount > m.max_amount_per_payment) return { param: 'amount', message: `The mandate allows at most ${m.max_amount_per_payment} per payment` };
  if (p.amount < (m.min_amount_per_payment ?? 0)) return { param: 'amount', message: `The mandate requires at least ${m.min_amount_per_payment} per payment` };
  if (!m.allowed_payment_methods.includes(p.method)) return { param: 'payment_method', message: `The mandate allows ${m.allowed_payment_methods.join(', ')} only` };
  if (m.allowed_merchant_categories?.length && (!p.merchantMcc || !m.allowed_merchant_categories.includes(p.merchantMcc))) {
    return { param: 'merchant_category', message: `The mandate allows merchant categories ${m.allowed_merchant_categories.join(', ')} only` };
  }
  if (m.allowed_payees && !m.allowed_payees.includes(p.merchantId)) return { param: 'payee', message: 'The mandate does not allow this payee' };
  if (p.amount > m.budget.amount) return { param: 'budget', message: `The payment exceeds the mandate's ${m.budget.period} budget of ${m.budget.amount}` };
  return undefined;
}

/** Whether a human must approve the payment first (the mandate's `requires_approval_above`). */
export function needsApproval(m: Mandate, amount: number): boolean {
  return m.requires_approval_above !== undefined && amount > m.requires_approval_above;
}
