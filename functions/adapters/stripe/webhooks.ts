/**
 * Verifies Stripe webhook deliveries (https://docs.stripe.com/webhooks#verify-events): the
 * `Stripe-Signature` header is an HMAC-SHA256 of `<t>.<raw body>` under the endpoint's secret,
 * checked by the SDK's `webhooks.constructEvent` with a timestamp tolerance against replays.
 * The body must be the raw bytes as received: re-serialized JSON does not verify.
 */
import Stripe from 'stripe';

/** Stripe's default tolerance: 5 minutes between the signed timestamp and now. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export class InvalidSignatureError extends Error {
  override readonly name = 'InvalidSignatureError';
  constructor(message: string) {
    super(message);
  }
}

export type WebhookVerification =
  | { readonly ok: true; readonly event: Stripe.Event }
  | { readonly ok: false; readonly error: InvalidSignatureError };

export interface StripeWebhookVerifierOptions {
  /** `whsec_…` of the endpoint (STRIPE_WEBHOOK_SECRET). */
  readonly secret: string;
  readonly toleranceSeconds?: number;
}

export class StripeWebhookVerifier {
  private readonly webhooks = Stripe.webhooks;

  constructor(private readonly options: StripeWebhookVerifierOptions) {
    if (!options.secret) throw new RangeError('a webhook secret is required');
  }

  /**
   * @param rawBody the request body exactly as received
   * @param signatureHeader the `Stripe-Signature` header (undefined when absent)
   * @param receivedAt seconds since the epoch; passed in so verification is testable (default: now).
   *   The SDK's own parameter is in milliseconds.
   */
  verify(rawBody: string | Uint8Array, signatureHeader: string | undefined, receivedAt?: number): WebhookVerification {
    if (!signatureHeader) return { ok: false, error: new InvalidSignatureError('missing Stripe-Signature header') };
    try {
      const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody);
      const event = this.webhooks.constructEvent(body, signatureHeader, this.options.secret, this.options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS, undefined, receivedAt === undefined ? undefined : receivedAt * 1000);
      return { ok: true, event };
    } catch (e) {
      if (e instanceof Stripe.errors.StripeSignatureVerificationError) return { ok: false, error: new InvalidSignatureError(e.message) };
      // A body that verifies but is not JSON: still not an event we can trust.
      if (e instanceof SyntaxError) return { ok: false, error: new InvalidSignatureError('body is not JSON') };
      throw e;
    }
  }
}
