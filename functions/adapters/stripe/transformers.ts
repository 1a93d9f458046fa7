/**
 * Pure translation between our port and Stripe's PaymentIntents API
 * (https://docs.stripe.com/api/payment_intents). No SDK calls, no I/O: the SDK's errors are first
 * reduced to a plain {@link StripeFailure} (errors.ts), then mapped here.
 *
 * Amounts: Stripe takes integer minor units, equal to ISO 4217's for every currency we accept
 * (money.ts); Stripe's exceptions (ISK, HUF, TWD, UGX) are outside that list. Currency is lowercase.
 */
import type Stripe from 'stripe';
import type { AuthorizeRequest, AuthorizeResult, CaptureResult, FailureCode, ProcessorPaymentStatus, RefundResult, RetrieveResult, VoidResult } from '../../app/ports/card-processor.js';
import { redactPansIn } from '../../core/cards/index.js';
import { assertNever } from './assert-never.js';
import { mapStripeDeclineCode, visaCategoryFromAdvice } from './decline-codes.js';

/** A Stripe failure, reduced to data (see errors.ts for how SDK errors become this). */
export type StripeFailure =
  | {
      readonly kind: 'card';
      readonly code?: string;
      readonly declineCode?: string;
      readonly adviceCode?: string;
      readonly networkAdviceCode?: string;
      readonly message: string;
      readonly paymentIntentId?: string;
    }
  | { readonly kind: 'connection'; readonly timeout: boolean; readonly errno?: string; readonly message: string }
  | { readonly kind: 'api'; readonly statusCode?: number; readonly message: string }
  | { readonly kind: 'rate_limit'; readonly message: string }
  | { readonly kind: 'auth'; readonly message: string }
  | { readonly kind: 'invalid_request'; readonly code?: string; readonly statusCode?: number; readonly message: string; readonly paymentIntentStatus?: string }
  | { readonly kind: 'idempotency'; readonly message: string };

/**
 * Raw card data on a PaymentIntent. Stripe's public types omit `payment_method_data[card]` for raw
 * numbers (it needs PCI-scope approval on the account); the API accepts it for such accounts and
 * the SDK sends any params it is given. The intersection keeps everything else type-checked.
 */
export type RawCardPaymentIntentCreateParams = Stripe.PaymentIntentCreateParams & {
  readonly payment_method_data: Stripe.PaymentIntentCreateParams.PaymentMethodData & {
    readonly card: { readonly number: string; readonly exp_month: number; readonly exp_year: number };
  };
};

export function toCreateParams(req: AuthorizeRequest): RawCardPaymentIntentCreateParams {
  return {
    amount: req.amount,
    currency: req.currency.toLowerCase(),
    confirm: true,
    capture_method: req.captureMethod,
    payment_method_data: {
      type: 'card',
      card: { number: req.card.number, exp_month: req.card.expMonth, exp_year: req.card.expYear },
      ...(req.card.holderName ? { billing_details: { name: req.card.holderName } } : {}),
    },
    // attempt_key lets a timed-out attempt be found and voided without its id (see void-by-key).
    metadata: { payment_id: req.paymentId, merchant_id: req.merchantId, attempt_key: req.idempotencyKey },
    ...(req.description ? { description: req.description } : {}),
    expand: ['latest_charge'],
  };
}

/** Search query for the attempt made with `attemptKey` (https://docs.stripe.com/search#search-query-language). */
export function attemptSearchQuery(paymentId: string, attemptKey: string): string {
  const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `metadata['payment_id']:${q(paymentId)} AND metadata['attempt_key']:${q(attemptKey)}`;
}

const PI_STATUSES = ['canceled', 'processing', 'requires_action', 'requires_capture', 'requires_confirmation', 'requires_payment_method', 'succeeded'] as const;
type KnownIntentStatus = (typeof PI_STATUSES)[number];
const known = (s: string): KnownIntentStatus | undefined => (PI_STATUSES as readonly string[]).includes(s) ? (s as KnownIntentStatus) : undefined;

type ChargeLike = { readonly outcome?: { readonly risk_score?: number; readonly risk_level?: string } | null; readonly amount_captured?: number; readonly amount_refunded?: number } | null;
const expandedCharge = (pi: Stripe.PaymentIntent): ChargeLike => (pi.latest_charge && typeof pi.latest_charge === 'object' ? (pi.latest_charge as ChargeLike) : null);

/**
 * Radar's `outcome.risk_score` is 0–100 (https://docs.stripe.com/radar/risk-evaluation); we use
 * 0..1. Without a score, `risk_level` gives a coarse value at Radar's own thresholds
 * (elevated ≥ 65, highest ≥ 75).
 */
export function riskScoreFromCharge(charge: ChargeLike): number | undefined {
  const outcome = charge?.outcome;
  if (!outcome) return undefined;
  if (typeof outcome.risk_score === 'number') return Math.min(Math.max(outcome.risk_score, 0), 100) / 100;
  if (outcome.risk_level === 'highest') return 0.9;
  if (outcome.risk_level === 'elevated') return 0.75;
  return undefined;
}

export function authorizeResultFromIntent(pi: Stripe.PaymentIntent): AuthorizeResult {
  const status = known(pi.status);
  if (status === undefined) return { status: 'error', code: 'processing_error', message: `unexpected PaymentIntent status ${pi.status}`, outcomeUnknown: true };
  const riskScore = riskScoreFromCharge(expandedCharge(pi));
  const authorized = (captured: boolean): AuthorizeResult => ({ status: 'authorized', reference: pi.id, captured, processorStatus: pi.status, ...(riskScore === undefined ? {} : { riskScore }) });
  switch (status) {
    case 'requires_capture':
      return authorized(false);
    case 'succeeded':
      return authorized(true);
    case 'requires_action':
      // 3-D Secure asked for: we authorize server-to-server, so this attempt cannot complete.
      return { status: 'declined', code: 'authentication_required', hard: true, message: 'The issuer requires authentication (3-D Secure).', processorCode: 'requires_action', reference: pi.id };
    case 'requires_payment_method':
    case 'canceled': {
      const e = pi.last_payment_error;
      return declined({ kind: 'card', code: e?.code ?? 'card_declined', declineCode: e?.decline_code, adviceCode: e?.advice_code, networkAdviceCode: e?.network_advice_code, message: e?.message ?? 'The payment was declined.', paymentIntentId: pi.id });
    }
    case 'processing':
    case 'requires_confirmation':
      // Not final: treat as unknown so the saga voids it by key rather than trusting either way.
      return { status: 'error', code: 'processing_error', message: `PaymentIntent is ${pi.status}`, outcomeUnknown: true };
    default:
      return assertNever(status);
  }
}

function declined(f: Extract<StripeFailure, { kind: 'card' }>): AuthorizeResult {
  const processorCode = f.code === 'card_declined' ? (f.declineCode ?? 'generic_decline') : (f.code ?? 'card_declined');
  const mapped = mapStripeDeclineCode(processorCode);
  const message = redactPansIn(f.message);
  if (mapped.code === 'processing_error') return { status: 'error', code: 'processing_error', message, outcomeUnknown: false };
  const declineCategory = visaCategoryFromAdvice(f.adviceCode);
  return {
    status: 'declined',
    code: mapped.code,
    // Visa category 1 ("never reattempt") makes any decline hard.
    hard: mapped.hard || declineCategory === '1',
    message,
    processorCode,
    ...(f.paymentIntentId ? { reference: f.paymentIntentId } : {}),
    ...(declineCategory ? { declineCategory } : {}),
    ...(f.networkAdviceCode ? { adviceCode: f.networkAdviceCode } : {}),
  };
}

/**
 * Connection failures: refused/DNS means the request never reached Stripe; a reset or a timeout
 * after the request was written may have been processed, so the outcome is unknown and the saga
 * voids by key. 5xx: Stripe may have acted (https://docs.stripe.com/error-low-level#server-errors).
 */
export function authorizeResultFromFailure(f: StripeFailure): AuthorizeResult {
  switch (f.kind) {
    case 'card':
      return declined(f);
    case 'connection':
      if (f.timeout) return { status: 'error', code: 'timeout', message: f.message, outcomeUnknown: true };
      return { status: 'error', code: 'processor_unavailable', message: f.message, outcomeUnknown: !neverSent(f.errno) };
    case 'api':
      return { status: 'error', code: 'processing_error', message: f.message, outcomeUnknown: true };
    case 'rate_limit':
    case 'auth':
      return { status: 'error', code: 'processor_unavailable', message: f.message, outcomeUnknown: false };
    case 'invalid_request':
      return { status: 'declined', code: 'invalid_request', hard: true, message: redactPansIn(f.message), processorCode: f.code ?? 'invalid_request_error' };
    case 'idempotency':
      // Our key was reused with other parameters: a bug upstream, never a card outcome.
      throw new Error(`Stripe idempotency conflict: ${f.message}`);
    default:
      return assertNever(f);
  }
}

const neverSent = (errno: string | undefined): boolean => errno === 'ECONNREFUSED' || errno === 'ENOTFOUND' || errno === 'EAI_AGAIN';

/** The failure code of a non-authorize call (capture, refund, void). */
export function failureCode(f: StripeFailure): FailureCode {
  switch (f.kind) {
    case 'card':
      return mapStripeDeclineCode(f.code === 'card_declined' ? (f.declineCode ?? 'generic_decline') : (f.code ?? 'card_declined')).code;
    case 'connection':
      return f.timeout ? 'timeout' : 'processor_unavailable';
    case 'api':
      return 'processing_error';
    case 'rate_limit':
    case 'auth':
      return 'processor_unavailable';
    case 'invalid_request':
    case 'idempotency':
      return 'invalid_request';
    default:
      return assertNever(f);
  }
}

export function captureResultFromIntent(pi: Stripe.PaymentIntent): CaptureResult {
  return { status: 'captured', amountCaptured: pi.amount_received };
}

export function captureResultFromFailure(f: StripeFailure): CaptureResult {
  return { status: 'failed', code: failureCode(f), message: redactPansIn(f.message) };
}

/** Cancel answered with an error: a PaymentIntent already canceled is voided; one already captured cannot be. */
export function voidResultFromFailure(f: StripeFailure): VoidResult {
  if (f.kind === 'invalid_request' && f.statusCode === 404) return { status: 'not_found' };
  if (f.kind === 'invalid_request' && f.paymentIntentStatus === 'canceled') return { status: 'voided' };
  if (f.kind === 'invalid_request' && f.paymentIntentStatus === 'succeeded') return { status: 'already_captured' };
  return { status: 'failed', code: failureCode(f), message: redactPansIn(f.message) };
}

export function refundResult(refund: Stripe.Refund): RefundResult {
  if (refund.status === 'succeeded') return { status: 'succeeded', refundReference: refund.id };
  if (refund.status === 'failed' || refund.status === 'canceled') return { status: 'failed', code: 'processing_error', message: `refund ${refund.status}` };
  return { status: 'pending', refundReference: refund.id };
}

export function refundResultFromFailure(f: StripeFailure): RefundResult {
  return { status: 'failed', code: failureCode(f), message: redactPansIn(f.message) };
}

/** Stripe accepts only these refund reasons; anything else travels in metadata. */
export function refundReason(reason: string | undefined): Stripe.RefundCreateParams.Reason | undefined {
  return reason === 'duplicate' || reason === 'fraudulent' || reason === 'requested_by_customer' ? reason : undefined;
}

export function retrieveResultFromIntent(pi: Stripe.PaymentIntent): RetrieveResult {
  const charge = expandedCharge(pi);
  const amountCaptured = charge?.amount_captured ?? pi.amount_received;
  const amountRefunded = charge?.amount_refunded ?? 0;
  return { reference: pi.id, status: paymentStatus(pi.status, amountCaptured, amountRefunded), amount: pi.amount, amountCaptured, amountRefunded, currency: pi.currency };
}

export function paymentStatus(raw: string, amountCaptured: number, amountRefunded: number): ProcessorPaymentStatus {
  const status = known(raw);
  if (status === undefined) return 'pending';
  switch (status) {
    case 'requires_capture':
      return 'authorized';
    case 'succeeded':
      if (amountRefunded === 0) return 'captured';
      return amountRefunded >= amountCaptured ? 'refunded' : 'partially_refunded';
    case 'canceled':
      return 'voided';
    case 'requires_payment_method':
      return 'declined';
    case 'processing':
    case 'requires_action':
    case 'requires_confirmation':
      return 'pending';
    default:
      return assertNever(status);
  }
}
