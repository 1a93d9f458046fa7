/**
 * The Stripe connector behind the {@link CardProcessor} port: PaymentIntents created and confirmed
 * in one call with raw card data (we are the PCI-scoped orchestrator), manual or automatic
 * capture, captures, cancels, refunds and reads. Every POST carries an idempotency key derived
 * from the caller's, so a retried saga step is answered by Stripe's stored result.
 */
import type Stripe from 'stripe';
import type { AuthorizeRequest, AuthorizeResult, CaptureRequest, CaptureResult, CardProcessor, RefundRequest, RefundResult, RetrieveResult, VoidRequest, VoidResult } from '../../app/ports/card-processor.js';
import { createStripeClient, type StripeClientOptions } from './client.js';
import { classifyStripeError, StripeUnavailableError } from './errors.js';
import {
  attemptSearchQuery, authorizeResultFromFailure, authorizeResultFromIntent, captureResultFromFailure, captureResultFromIntent,
  refundReason, refundResult, toCreateParams, refundResultFromFailure, retrieveResultFromIntent, voidResultFromFailure, type StripeFailure,
} from './transformers.js';

export interface StripeCardProcessorOptions extends StripeClientOptions {
  /** Processor id in routing and the ledger; default `stripe`. */
  readonly id?: string;
  /** A prebuilt SDK client (tests); otherwise one is built from the options. */
  readonly client?: Stripe;
}

export class StripeCardProcessor implements CardProcessor {
  readonly id: string;
  private readonly stripe: Stripe;

  constructor(options: StripeCardProcessorOptions) {
    this.id = options.id ?? 'stripe';
    this.stripe = options.client ?? createStripeClient(options);
  }

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    const out = await attempt(() => this.stripe.paymentIntents.create(toParams(req), { idempotencyKey: req.idempotencyKey }));
    return out.ok ? authorizeResultFromIntent(out.value) : authorizeResultFromFailure(out.failure);
  }

  async capture(req: CaptureRequest): Promise<CaptureResult> {
    const out = await attempt(() => this.stripe.paymentIntents.capture(req.reference, { amount_to_capture: req.amount }, { idempotencyKey: req.idempotencyKey }));
    if (out.ok) return captureResultFromIntent(out.value);
    // Captured already (e.g. by an earlier try under another key): report what Stripe holds.
    if (out.failure.kind === 'invalid_request' && out.failure.paymentIntentStatus === 'succeeded') {
      const pi = await this.stripe.paymentIntents.retrieve(req.reference);
      return captureResultFromIntent(pi);
    }
    return captureResultFromFailure(out.failure);
  }

  /**
   * Cancels the authorization. Without a reference (the authorize call timed out), the attempt is
   * found by the metadata we wrote on it: `payment_id` and `attempt_key` = the authorize call's
   * idempotency key, which is what `req.idempotencyKey` names here. Stripe's search is eventually
   * consistent (https://docs.stripe.com/search#data-freshness, typically < 1 min): `not_found`
   * right after a timeout means "not yet visible", and the saga's retry with backoff covers it.
   */
  async void(req: VoidRequest): Promise<VoidResult> {
    let references: string[];
    if (req.reference) {
      references = [req.reference];
    } else {
      const found = await attempt(() => this.stripe.paymentIntents.search({ query: attemptSearchQuery(req.paymentId, req.idempotencyKey) }));
      if (!found.ok) return voidResultFromFailure(found.failure);
      references = found.value.data.map((pi) => pi.id);
      if (references.length === 0) return { status: 'not_found' };
    }
    let result: VoidResult = { status: 'not_found' };
    for (const reference of references) {
      // ':void' keeps the cancel's key distinct from the authorize's (same key, other params → 400).
      const out = await attempt(() => this.stripe.paymentIntents.cancel(reference, {}, { idempotencyKey: `${req.idempotencyKey}:void:${reference}` }));
      result = out.ok ? { status: 'voided' } : voidResultFromFailure(out.failure);
      // A charge found by key that was already captured: name it so the saga can refund it.
      if (result.status === 'already_captured') result = { status: 'already_captured', reference };
      if (result.status === 'failed') return result;
    }
    return result;
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    const reason = refundReason(req.reason);
    const out = await attempt(() =>
      this.stripe.refunds.create(
        { payment_intent: req.reference, amount: req.amount, ...(reason ? { reason } : {}), ...(req.reason ? { metadata: { reason: req.reason } } : {}) },
        { idempotencyKey: req.idempotencyKey },
      ),
    );
    return out.ok ? refundResult(out.value) : refundResultFromFailure(out.failure);
  }

  async retrieve(reference: string): Promise<RetrieveResult | undefined> {
    const out = await attempt(() => this.stripe.paymentIntents.retrieve(reference, { expand: ['latest_charge'] }));
    if (out.ok) return retrieveResultFromIntent(out.value);
    if (out.failure.kind === 'invalid_request' && out.failure.statusCode === 404) return undefined;
    throw new StripeUnavailableError(out.failure);
  }
}

function toParams(req: AuthorizeRequest): Stripe.PaymentIntentCreateParams {
  // RawCardPaymentIntentCreateParams is a subtype: assignable without a cast.
  const params: Stripe.PaymentIntentCreateParams = toCreateParams(req);
  return params;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: StripeFailure };

/** Runs one SDK call; Stripe errors become data, anything else (our bugs) propagates. */
async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    const failure = classifyStripeError(e);
    if (!failure) throw e;
    return { ok: false, failure };
  }
}
