/**
 * Reduces the SDK's typed errors (stripe-node src/Error.ts: one class per HTTP family) to the
 * plain {@link StripeFailure} the pure transformers map. Anything that is not a Stripe error
 * (a bug of ours) is rethrown by the caller, never turned into a payment outcome.
 */
import Stripe from 'stripe';
import type { StripeFailure } from './transformers.js';

const E = Stripe.errors;

export function classifyStripeError(e: unknown): StripeFailure | undefined {
  if (!(e instanceof E.StripeError)) return undefined;
  const message = e.message;
  if (e instanceof E.StripeCardError) {
    return {
      kind: 'card',
      message,
      ...(e.code ? { code: e.code } : {}),
      ...(e.decline_code ? { declineCode: e.decline_code } : {}),
      ...(e.advice_code ? { adviceCode: e.advice_code } : {}),
      ...(e.network_advice_code ? { networkAdviceCode: e.network_advice_code } : {}),
      ...(e.payment_intent?.id ? { paymentIntentId: e.payment_intent.id } : {}),
    };
  }
  if (e instanceof E.StripeConnectionError) {
    const detail = e.detail as { code?: unknown } | undefined;
    const errno = typeof detail?.code === 'string' ? detail.code : undefined;
    // The SDK marks its own request timeout with this code (net/HttpClient.ts TIMEOUT_ERROR_CODE).
    return { kind: 'connection', timeout: errno === 'ETIMEDOUT', message, ...(errno ? { errno } : {}) };
  }
  if (e instanceof E.StripeIdempotencyError) return { kind: 'idempotency', message };
  if (e instanceof E.StripeRateLimitError) return { kind: 'rate_limit', message };
  if (e instanceof E.StripeAuthenticationError || e instanceof E.StripePermissionError) return { kind: 'auth', message };
  if (e instanceof E.StripeInvalidRequestError) {
    return {
      kind: 'invalid_request',
      message,
      ...(e.code ? { code: e.code } : {}),
      ...(e.statusCode ? { statusCode: e.statusCode } : {}),
      ...(e.payment_intent?.status ? { paymentIntentStatus: e.payment_intent.status } : {}),
    };
  }
  return { kind: 'api', message, ...(e.statusCode ? { statusCode: e.statusCode } : {}) };
}

/** A read (retrieve, search) that could not reach an answer: not a payment outcome, so thrown. */
export class StripeUnavailableError extends Error {
  override readonly name = 'StripeUnavailableError';
  constructor(readonly failure: StripeFailure) {
    super(`stripe: ${failure.kind}: ${failure.message}`);
  }
}
