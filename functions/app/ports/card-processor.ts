/**
 * The one port every card connector implements (Stripe, Adyen, sandbox acquirers, the in-memory
 * fake). Amounts are integer minor units; each connector converts only in its transformer. Every
 * money-moving call carries an idempotency key derived from ours (e.g. `<key>:authorize:stripe`),
 * so a retried saga step can never charge twice at the processor.
 */

import type { AuthorizeResult, FailureCode } from '../../core/payments/processor-outcome.js';

export { FAILURE_CODES, type AuthorizeResult, type FailureCode } from '../../core/payments/processor-outcome.js';

/** Card data for one authorization: decrypted from the vault in memory, never stored or logged. */
export interface CardForAuthorization {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly brand: string;
  readonly fingerprint: string;
  readonly holderName?: string;
}

export interface AuthorizeRequest {
  readonly paymentId: string;
  readonly merchantId: string;
  readonly idempotencyKey: string;
  readonly amount: number;
  readonly currency: string;
  /** `automatic`: authorize and capture in one call; `manual`: authorize only. */
  readonly captureMethod: 'automatic' | 'manual';
  readonly card: CardForAuthorization;
  readonly description?: string;
}

export interface CaptureRequest {
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly idempotencyKey: string;
}
export type CaptureResult =
  | { readonly status: 'captured'; readonly amountCaptured: number }
  | { readonly status: 'failed'; readonly code: FailureCode; readonly message: string };

export interface VoidRequest {
  /** The processor reference, when known; else the attempt is found by its idempotency key. */
  readonly reference?: string;
  readonly paymentId: string;
  /**
   * The idempotency key of the authorize call being voided: it identifies the attempt when the
   * reference is unknown, and the void's own key is derived from it.
   */
  readonly idempotencyKey: string;
}
export type VoidResult =
  | { readonly status: 'voided' | 'not_found' }
  /** Too late to void: the money moved. `reference` names the charge (found by key) so it can be refunded. */
  | { readonly status: 'already_captured'; readonly reference?: string }
  | { readonly status: 'failed'; readonly code: FailureCode; readonly message: string };

export interface RefundRequest {
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly reason?: string;
}
export type RefundResult =
  | { readonly status: 'succeeded' | 'pending'; readonly refundReference: string }
  | { readonly status: 'failed'; readonly code: FailureCode; readonly message: string };

export type ProcessorPaymentStatus = 'authorized' | 'captured' | 'voided' | 'declined' | 'refunded' | 'partially_refunded' | 'pending';
export interface RetrieveResult {
  readonly reference: string;
  readonly status: ProcessorPaymentStatus;
  readonly amount: number;
  readonly amountCaptured: number;
  readonly amountRefunded: number;
  readonly currency: string;
}

export interface CardProcessor {
  /** Stable id used in routing, attempts and the ledger (`stripe`, `adyen`, …). */
  readonly id: string;
  authorize(req: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(req: CaptureRequest): Promise<CaptureResult>;
  void(req: VoidRequest): Promise<VoidResult>;
  refund(req: RefundRequest): Promise<RefundResult>;
  retrieve(reference: string): Promise<RetrieveResult | undefined>;
}
