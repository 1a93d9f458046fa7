/**
 * Pure translation between our port and Adyen's Checkout API (v72, the version
 * @adyen/api-library 32 calls). No I/O; errors reach here already reduced to {@link AdyenFailure}.
 */
import { createHash } from 'node:crypto';
import type { AuthorizeRequest, AuthorizeResult, FailureCode, ProcessorPaymentStatus, RetrieveResult } from '../../app/ports/card-processor.js';
import { redactPansIn } from '../../core/cards/index.js';
import { CURRENCY_EXPONENT } from '../../core/money.js';
import { assertNever } from './assert-never.js';
import { mapAdyenRefusalCode, merchantAdviceCode, visaDeclineCategory } from './refusal-codes.js';

export interface AdyenAmount { readonly value: number; readonly currency: string }

/**
 * Adyen's minor units differ from ISO 4217 for a few currencies
 * (https://docs.adyen.com/development-resources/currency-codes): CLP has 2 decimals at Adyen, 0 in
 * ISO. Our amounts follow ISO (money.ts), so the connector scales at its edge.
 */
const ADYEN_EXPONENT_OVERRIDES: Readonly<Record<string, number>> = { clp: 2 };

const scale = (currency: string): number => {
  const iso = CURRENCY_EXPONENT[currency.toLowerCase()];
  const adyen = ADYEN_EXPONENT_OVERRIDES[currency.toLowerCase()];
  return iso === undefined || adyen === undefined ? 1 : 10 ** (adyen - iso);
};

export function toAdyenAmount(amount: number, currency: string): AdyenAmount {
  return { value: amount * scale(currency), currency: currency.toUpperCase() };
}

export function fromAdyenAmount(a: AdyenAmount): number {
  const value = a.value / scale(a.currency);
  if (!Number.isInteger(value)) throw new RangeError(`Adyen amount ${a.value} ${a.currency} is not a whole ISO minor unit`);
  return value;
}

/**
 * The `reference` (merchantReference) of an attempt: our idempotency key, which Adyen limits to 80
 * characters; longer keys are hashed. `/cancels` finds the attempt by it when the pspReference
 * never reached us (timeout).
 */
export function attemptReference(idempotencyKey: string): string {
  return idempotencyKey.length <= 80 ? idempotencyKey : `k_${createHash('sha256').update(idempotencyKey).digest('base64url')}`;
}

/** The `/payments` body. Manual capture per payment is `additionalData.manualCapture` (https://docs.adyen.com/online-payments/capture#manual-capture). */
export function toPaymentRequest(req: AuthorizeRequest, merchantAccount: string): Record<string, unknown> {
  return {
    merchantAccount,
    reference: attemptReference(req.idempotencyKey),
    amount: toAdyenAmount(req.amount, req.currency),
    paymentMethod: {
      type: 'scheme',
      number: req.card.number,
      expiryMonth: String(req.card.expMonth).padStart(2, '0'),
      expiryYear: String(req.card.expYear < 100 ? 2000 + req.card.expYear : req.card.expYear),
      ...(req.card.holderName ? { holderName: req.card.holderName } : {}),
    },
    shopperInteraction: 'Ecommerce',
    metadata: { payment_id: req.paymentId, merchant_id: req.merchantId },
    ...(req.captureMethod === 'automatic' ? { captureDelayHours: 0 } : { additionalData: { manualCapture: 'true' } }),
    ...(req.description ? { shopperStatement: req.description.slice(0, 22) } : {}),
  };
}

export const ADYEN_RESULT_CODES = [
  'Authorised', 'Refused', 'Error', 'Cancelled', 'Received', 'Pending', 'RedirectShopper', 'IdentifyShopper',
  'ChallengeShopper', 'PresentToShopper', 'AuthenticationFinished', 'AuthenticationNotRequired', 'PartiallyAuthorised', 'Success',
] as const;
export type AdyenResultCode = (typeof ADYEN_RESULT_CODES)[number];

export interface AdyenPaymentResponseLike {
  readonly resultCode?: string;
  readonly pspReference?: string;
  readonly refusalReason?: string;
  readonly refusalReasonCode?: string;
  readonly additionalData?: Readonly<Record<string, string>>;
  readonly fraudResult?: { readonly accountScore?: number } | null;
}

/**
 * Risk in 0..1 from Adyen's RevenueProtect: `fraudResult.accountScore` (0–100, >100 refused),
 * `additionalData.fraudResultType` (GREEN/AMBER/RED) and `fraudRiskLevel`; the highest wins.
 */
export function riskScore(res: AdyenPaymentResponseLike): number | undefined {
  const signals: number[] = [];
  const score = res.fraudResult?.accountScore;
  if (typeof score === 'number') signals.push(Math.min(Math.max(score, 0), 100) / 100);
  const type = res.additionalData?.fraudResultType;
  if (type === 'AMBER') signals.push(0.75);
  if (type === 'RED') signals.push(0.95);
  const level = res.additionalData?.fraudRiskLevel;
  const levels: Record<string, number> = { veryLow: 0.05, low: 0.25, medium: 0.5, high: 0.8, veryHigh: 0.95 };
  if (level !== undefined && levels[level] !== undefined) signals.push(levels[level] as number);
  return signals.length === 0 ? undefined : Math.max(...signals);
}

export function authorizeResultFromResponse(res: AdyenPaymentResponseLike, captureMethod: 'automatic' | 'manual', brand: string): AuthorizeResult {
  const raw = res.resultCode ?? '';
  const code = (ADYEN_RESULT_CODES as readonly string[]).includes(raw) ? (raw as AdyenResultCode) : undefined;
  if (code === undefined) return { status: 'error', code: 'processing_error', message: `unexpected resultCode ${raw}`, outcomeUnknown: true };
  const reference = res.pspReference;
  switch (code) {
    case 'Authorised':
    case 'Success': {
      const risk = riskScore(res);
      if (!reference) return { status: 'error', code: 'processing_error', message: 'Authorised without pspReference', outcomeUnknown: true };
      // With captureDelayHours 0 Adyen captures right after authorising (the CAPTURE webhook confirms).
      return { status: 'authorized', reference, captured: captureMethod === 'automatic', processorStatus: code, ...(risk === undefined ? {} : { riskScore: risk }) };
    }
    case 'Refused':
    case 'Cancelled':
      return refused(res, brand);
    case 'Error':
      return { status: 'error', code: 'processing_error', message: redactPansIn(res.refusalReason ?? 'Adyen returned Error'), outcomeUnknown: false };
    case 'Received':
    case 'Pending':
    case 'PartiallyAuthorised':
      // Not a final authorisation we asked for: unknown, so the saga cancels it by reference.
      return { status: 'error', code: 'processing_error', message: `Adyen resultCode ${code}`, outcomeUnknown: true };
    case 'RedirectShopper':
    case 'IdentifyShopper':
    case 'ChallengeShopper':
    case 'PresentToShopper':
      // 3-D Secure or another shopper step: a server-to-server authorisation cannot complete it.
      return { status: 'declined', code: 'authentication_required', hard: true, message: `Adyen asks for shopper action (${code})`, processorCode: code, ...(reference ? { reference } : {}) };
    case 'AuthenticationFinished':
    case 'AuthenticationNotRequired':
      // Authentication-only results: nothing was authorised, nothing to void.
      return { status: 'error', code: 'processing_error', message: `Adyen resultCode ${code} without authorisation`, outcomeUnknown: false };
    default:
      return assertNever(code);
  }
}

function refused(res: AdyenPaymentResponseLike, brand: string): AuthorizeResult {
  const mapped = mapAdyenRefusalCode(res.refusalReasonCode);
  const message = redactPansIn(res.refusalReason ?? 'Refused');
  if (mapped.code === 'processing_error') return { status: 'error', code: 'processing_error', message, outcomeUnknown: false };
  const adviceCode = merchantAdviceCode(res.additionalData?.merchantAdviceCode);
  const declineCategory = brand === 'visa' ? visaDeclineCategory(res.additionalData?.refusalReasonRaw) : undefined;
  // Mastercard MAC 03/21 and Visa category 1 forbid any reattempt with this card.
  const forbidden = adviceCode === '03' || adviceCode === '21' || declineCategory === '1';
  return {
    status: 'declined',
    code: mapped.code,
    hard: mapped.hard || forbidden,
    message,
    processorCode: res.refusalReasonCode ?? res.resultCode ?? 'Refused',
    ...(res.pspReference ? { reference: res.pspReference } : {}),
    ...(declineCategory ? { declineCategory } : {}),
    ...(adviceCode ? { adviceCode } : {}),
  };
}

/** A failed call, reduced to data (errors.ts builds it from the HTTP client's errors). */
export type AdyenFailure =
  | { readonly kind: 'network'; readonly timeout: boolean; readonly errno?: string; readonly message: string }
  | { readonly kind: 'http'; readonly statusCode: number; readonly errorCode?: string; readonly message: string };

/** Refused/DNS errors never reached Adyen; resets and timeouts may have. 5xx: Adyen may have acted. */
export function authorizeResultFromFailure(f: AdyenFailure): AuthorizeResult {
  if (f.kind === 'network') {
    if (f.timeout) return { status: 'error', code: 'timeout', message: f.message, outcomeUnknown: true };
    const neverSent = f.errno === 'ECONNREFUSED' || f.errno === 'ENOTFOUND' || f.errno === 'EAI_AGAIN';
    return { status: 'error', code: 'processor_unavailable', message: f.message, outcomeUnknown: !neverSent };
  }
  if (f.statusCode >= 500) return { status: 'error', code: 'processing_error', message: f.message, outcomeUnknown: true };
  if (f.statusCode === 401 || f.statusCode === 403 || f.statusCode === 429) return { status: 'error', code: 'processor_unavailable', message: f.message, outcomeUnknown: false };
  // Adyen validation error 101 "Invalid card number" (https://docs.adyen.com/development-resources/error-codes).
  const code: FailureCode = f.errorCode === '101' ? 'incorrect_number' : 'invalid_request';
  return { status: 'declined', code, hard: true, message: redactPansIn(f.message), processorCode: f.errorCode ?? String(f.statusCode) };
}

export function failureCode(f: AdyenFailure): FailureCode {
  if (f.kind === 'network') return f.timeout ? 'timeout' : 'processor_unavailable';
  if (f.statusCode >= 500) return 'processing_error';
  if (f.statusCode === 401 || f.statusCode === 403 || f.statusCode === 429) return 'processor_unavailable';
  return 'invalid_request';
}

/** Adyen error 167, "Original pspReference required for this operation": the payment is unknown. */
export const isUnknownPayment = (f: AdyenFailure): boolean => f.kind === 'http' && f.statusCode === 422 && f.errorCode === '167';

/**
 * A payment's state as its notifications leave it (AUTHORISATION, CAPTURE, CANCELLATION, REFUND):
 * Adyen's Checkout API has no read endpoint, so `retrieve` reads this from an injected source.
 */
export interface AdyenPaymentState {
  readonly pspReference: string;
  readonly status: 'authorised' | 'refused' | 'captured' | 'cancelled' | 'pending';
  readonly amount: AdyenAmount;
  readonly capturedValue: number;
  readonly refundedValue: number;
}

export function retrieveResultFromState(s: AdyenPaymentState): RetrieveResult {
  const amountCaptured = fromAdyenAmount({ value: s.capturedValue, currency: s.amount.currency });
  const amountRefunded = fromAdyenAmount({ value: s.refundedValue, currency: s.amount.currency });
  return { reference: s.pspReference, status: statusOf(s.status, amountCaptured, amountRefunded), amount: fromAdyenAmount(s.amount), amountCaptured, amountRefunded, currency: s.amount.currency.toLowerCase() };
}

function statusOf(status: AdyenPaymentState['status'], captured: number, refunded: number): ProcessorPaymentStatus {
  switch (status) {
    case 'authorised':
      return 'authorized';
    case 'refused':
      return 'declined';
    case 'cancelled':
      return 'voided';
    case 'pending':
      return 'pending';
    case 'captured':
      if (refunded === 0) return 'captured';
      return refunded >= captured ? 'refunded' : 'partially_refunded';
    default:
      return assertNever(status);
  }
}
