/**
 * Subscriptions and invoices as the platform keeps them (Stripe's shapes where API.md is silent).
 * Money is integer minor units; times are RFC 3339 strings; internal fields (version, dunning
 * bookkeeping) never leave through the API views.
 */
export type Interval = 'week' | 'month' | 'year';

export interface LineItem {
  readonly description: string;
  /** Unit amount, minor units. */
  readonly amount: number;
  readonly quantity: number;
}

export type SubscriptionStatus = 'incomplete' | 'active' | 'past_due' | 'unpaid' | 'canceled';

export type SubscriptionPaymentMethod =
  | { readonly type: 'card'; readonly token: string }
  | { readonly type: 'pix'; readonly recurrence_id: string; readonly brcode?: string };

/** One billed period's outcome, newest last (kept short: the churn signal reads the tail). */
export interface BillingRecord {
  readonly period: number;
  readonly outcome: 'paid' | 'failed';
  readonly amount: number;
  readonly at: string;
  readonly failure_code?: string;
}

export interface Subscription {
  readonly id: string;
  readonly merchant_id: string;
  readonly status: SubscriptionStatus;
  /** The customer's personal data, stored only envelope-encrypted (DESIGN.md §4); opened for the API view. */
  readonly customer_sealed?: { readonly v: 1; readonly iv: string; readonly tag: string; readonly ct: string; readonly dk: string };
  readonly payment_method: SubscriptionPaymentMethod;
  readonly items: readonly LineItem[];
  readonly currency: string;
  readonly interval: Interval;
  readonly interval_count: number;
  readonly start_at: string;
  /** Index of the period being billed (0 = the one starting at `start_at`). */
  readonly current_period: number;
  /** When the renewal schedule should next look at it; null once nothing is left to do. */
  readonly next_attempt_at: string | null;
  readonly history: readonly BillingRecord[];
  /** Times (RFC 3339) of disputes/chargebacks on this subscription's payments. */
  readonly disputes: readonly string[];
  readonly canceled_at: string | null;
  /** The invoice of the period billed most recently. */
  readonly latest_invoice?: string;
  readonly created: string;
  readonly updated: string;
  readonly version: number;
}

export type InvoiceStatus = 'open' | 'paid' | 'uncollectible' | 'void';

export interface InvoiceLine {
  readonly description: string;
  readonly quantity: number;
  readonly unit_amount: number;
  readonly amount: number;
}

export interface Invoice {
  readonly id: string;
  readonly merchant_id: string;
  readonly subscription_id: string;
  /** Per-merchant gapless sequence, formatted (see invoiceNumber). */
  readonly number: string;
  readonly period: { readonly index: number; readonly start: string; readonly end: string };
  readonly status: InvoiceStatus;
  readonly currency: string;
  readonly lines: readonly InvoiceLine[];
  readonly subtotal: number;
  readonly total: number;
  readonly amount_paid: number;
  /** Charge attempts made for this invoice. */
  readonly attempt_count: number;
  /** Epoch ms of each attempt (the card's reattempt cap counts them). */
  readonly attempt_times: readonly number[];
  readonly payment_ids: readonly string[];
  readonly next_payment_attempt: string | null;
  readonly last_failure: { readonly code: string; readonly category: string; readonly reason: string } | null;
  readonly pix?: { readonly txid: string };
  readonly created: string;
  readonly paid_at: string | null;
  readonly version: number;
}
