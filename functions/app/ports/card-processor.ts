/**
 * The one port every card connector implements (Stripe, Adyen, sandbox acquirers, the in-memory
 * fake). Amounts are integer minor units; each connector converts only in its transformer. Every
 * money-moving call carries an idempotency key derived from ours (e.g. `<key>:authorize:stripe`),
 * so a retried saga step can never charge twice at the processor.
 */

/** Normalized failure codes every connector maps its own codes into (exhaustively). */
export const FAILURE_CODES = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'incorrect_number',
  'do_not_honor',
  'lost_card',
  'stolen_card',
  'fraudulent',
  'pickup_card',
  'restricted_card',
  'card_velocity_exceeded',
  'authentication_required',
  'try_again_later',
  'processing_error',
  'processor_unavailable',
  'timeout',
  'invalid_request',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

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

export type AuthorizeResult =
  | {
      readonly status: 'authorized';
      readonly reference: string;
      /** True when the processor already captured (automatic capture). */
      readonly captured: boolean;
      /** Processor risk signal normalized to 0..1 (e.g. Stripe Radar risk_score / 100). */
      readonly riskScore?: number;
      readonly processorStatus: string;
    }
  | {
      readonly status: 'declined';
      readonly code: FailureCode;
      /** Hard declines are never retried at another processor. */
      readonly hard: boolean;
      readonly message: string;
      readonly processorCode: string;
      readonly reference?: string;
      /** Visa decline category 1–4 or a Mastercard merchant advice code, when given. */
      readonly declineCategory?: string;
      readonly adviceCode?: string;
    }
  | {
      /** Nothing is known to have happened at the processor, or it failed: safe to try elsewhere. */
      readonly status: 'error';
      readonly code: 'processing_error' | 'processor_unavailable' | 'timeout';
      readonly message: string;
      /** When the outcome is unknown (timeout), the attempt must be voided later by this key. */
      readonly outcomeUnknown: boolean;
    };

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
  readonly idempotencyKey: string;
}
export type VoidResult =
  | { readonly status: 'voided' | 'not_found' | 'already_captured' }
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
