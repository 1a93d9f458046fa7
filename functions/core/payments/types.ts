/**
 * The payment as the platform keeps it. Field names follow API.md's Payment object; internal
 * fields (version, idempotency key, audit head, references) never leave through the API view.
 */
import type { AuditHead } from '../audit/index.js';

export const PAYMENT_STATUSES = ['requires_approval', 'requires_payment', 'processing', 'authorized', 'succeeded', 'failed', 'canceled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type AttemptStatus = 'pending' | 'authorized' | 'captured' | 'declined' | 'error' | 'timeout' | 'voided';

export interface Attempt {
  readonly processor: string;
  readonly status: AttemptStatus;
  readonly failure_code?: string;
  readonly latency_ms?: number;
  /** Processor reference (PaymentIntent id, pspReference). */
  readonly reference?: string;
  /** The key sent to the processor, derived from the payment: the same on every retry. */
  readonly idempotency_key: string;
  readonly started: string;
  /** The processor's outcome is unknown (timeout): void it by key if the payment does not use it. */
  readonly outcome_unknown?: boolean;
}

export interface RiskDecision {
  readonly score: number;
  readonly outcome: 'approve' | 'review' | 'decline';
  readonly reasons: ReadonlyArray<{ readonly feature: string; readonly contribution: number }>;
}

export interface RoutingDecision {
  readonly chosen: string;
  readonly ranked: ReadonlyArray<{ readonly processor: string; readonly expected_success: number; readonly expected_cost: number; readonly score: number }>;
  readonly reason: string;
}

export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly decline_category?: string;
  /** The limit a `mandate_violation` names (API.md: `param`), e.g. `budget`. */
  readonly param?: string;
  /** Extension: what the exception agent decided after the failure (retry later, offer Pix, review, stop). */
  readonly next_step?: { readonly action: 'retry_elsewhere_now' | 'retry_later' | 'degrade' | 'review' | 'fail'; readonly at?: string; readonly offer?: 'pix' };
  /** Extension: the exception agent's reason, in words. */
  readonly advice?: string;
}

export type PaymentMethodSnapshot =
  | { readonly type: 'card'; readonly id: string; readonly brand: string; readonly last4: string; readonly exp_month: number; readonly exp_year: number; readonly fingerprint: string; readonly bin: string }
  | { readonly type: 'pix' };

export interface Payment {
  readonly id: string;
  readonly merchant_id: string;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly currency: string;
  readonly amount_captured: number;
  readonly amount_refunded: number;
  /** Refunds in flight hold their amount here until they succeed or fail. */
  readonly amount_refund_pending?: number;
  readonly capture_method: 'automatic' | 'manual';
  readonly payment_method: PaymentMethodSnapshot;
  readonly processor: string | null;
  readonly processor_reference?: string;
  readonly attempts: readonly Attempt[];
  readonly decision: { readonly risk?: RiskDecision; readonly routing?: RoutingDecision };
  readonly next_action: unknown | null;
  readonly failure: Failure | null;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** `name` is screened against sanctions/PEP lists by the risk agent (AML). */
  /**
   * The customer (e-mail, CPF/CNPJ, name) is personal data: stored only envelope-encrypted
   * (DESIGN.md §4), never in clear. The saga gets the clear values in its transient context.
   */
  readonly customer_sealed?: { readonly v: 1; readonly iv: string; readonly tag: string; readonly ct: string; readonly dk: string };
  readonly agent_id?: string;
  readonly mandate_id?: string;
  /** An AP2-style open mandate (signed by the agent's principal) this payment also spends from. */
  readonly open_mandate_id?: string;
  readonly quote_id?: string;
  readonly created: string;
  readonly updated: string;
  /** Optimistic concurrency: every write is conditional on the version it read. */
  readonly version: number;
  readonly idempotency_key: string;
  readonly audit_head: AuditHead;
  /** Ledger entries posted for this payment (capture, reversals), by id. */
  readonly ledger_entries: readonly string[];
}
