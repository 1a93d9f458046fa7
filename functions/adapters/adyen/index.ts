/**
 * The Adyen connector behind the {@link CardProcessor} port, through @adyen/api-library's
 * CheckoutAPI (PaymentsApi + ModificationsApi, Checkout v72) with our HTTP client injected, so the
 * same code talks to Adyen's test/live endpoints or to the local sandbox (ADYEN_CHECKOUT_BASE).
 *
 * Adyen modifications (capture, cancel, refund) are asynchronous: the API answers `received` and
 * the outcome arrives as a CAPTURE / CANCELLATION / REFUND notification. We report `captured`,
 * `voided` on `received` (Adyen's own recommendation is to treat them as accepted and reconcile by
 * webhook) and refunds as `pending`: the REFUND notification settles them (app/adyen-notifications.ts),
 * which finds the refund by the `reference` sent here — our refund id (the idempotency key, ≤ 80 chars).
 */
import type { Types } from '@adyen/api-library';
import type { AuthorizeRequest, AuthorizeResult, CaptureRequest, CaptureResult, CardProcessor, RefundRequest, RefundResult, RetrieveResult, VoidRequest, VoidResult } from '../../app/ports/card-processor.js';
import { redactPansIn } from '../../core/cards/index.js';
import { AdyenHttpError, AdyenNetworkError, createAdyenCheckout, type AdyenCheckoutOptions } from './client.js';
import {
  attemptReference, authorizeResultFromFailure, authorizeResultFromResponse, failureCode, isUnknownPayment, retrieveResultFromState, toAdyenAmount, toPaymentRequest,
  type AdyenFailure, type AdyenPaymentState,
} from './transformers.js';

export interface AdyenCardProcessorOptions extends AdyenCheckoutOptions {
  readonly merchantAccount: string;
  /** Processor id in routing and the ledger; default `adyen`. */
  readonly id?: string;
  /**
   * Reads a payment's notification-derived state for `retrieve` (Checkout has no read endpoint).
   * In production: the store our Adyen webhook handler keeps; locally: the sandbox's state.
   * Without it, `retrieve` answers undefined.
   */
  readonly paymentState?: (pspReference: string) => Promise<AdyenPaymentState | undefined>;
}

export class AdyenCardProcessor implements CardProcessor {
  readonly id: string;
  private readonly checkout: ReturnType<typeof createAdyenCheckout>;

  constructor(private readonly options: AdyenCardProcessorOptions) {
    this.id = options.id ?? 'adyen';
    this.checkout = createAdyenCheckout(options);
  }

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    // One cast at the wire boundary: the library's request type uses TS string enums
    // (e.g. CardDetails.TypeEnum.Scheme = 'scheme') whose JSON is the same plain strings.
    const body = toPaymentRequest(req, this.options.merchantAccount) as unknown as Types.checkout.PaymentRequest;
    const out = await attempt(() => this.checkout.PaymentsApi.payments(body, { idempotencyKey: req.idempotencyKey }));
    return out.ok ? authorizeResultFromResponse(out.value, req.captureMethod, req.card.brand) : authorizeResultFromFailure(out.failure);
  }

  async capture(req: CaptureRequest): Promise<CaptureResult> {
    const out = await attempt(() =>
      this.checkout.ModificationsApi.captureAuthorisedPayment(
        req.reference,
        { merchantAccount: this.options.merchantAccount, amount: toAdyenAmount(req.amount, req.currency), reference: attemptReference(req.idempotencyKey) },
        { idempotencyKey: req.idempotencyKey },
      ),
    );
    return out.ok ? { status: 'captured', amountCaptured: req.amount } : { status: 'failed', code: failureCode(out.failure), message: redactPansIn(out.failure.message) };
  }

  /**
   * By pspReference when known; otherwise `/cancels` by the merchant reference of the attempt
   * (= its idempotency key, which is what `req.idempotencyKey` names), which Adyen applies to the
   * payment once it exists (https://docs.adyen.com/online-payments/cancel#cancel-without-psp-reference).
   */
  async void(req: VoidRequest): Promise<VoidResult> {
    const merchantAccount = this.options.merchantAccount;
    const key = `${req.idempotencyKey}:void`;
    const out = req.reference
      ? await attempt(() => this.checkout.ModificationsApi.cancelAuthorisedPaymentByPspReference(req.reference as string, { merchantAccount }, { idempotencyKey: key }))
      : await attempt(() => this.checkout.ModificationsApi.cancelAuthorisedPayment({ merchantAccount, paymentReference: attemptReference(req.idempotencyKey) }, { idempotencyKey: key }));
    if (out.ok) return { status: 'voided' };
    if (isUnknownPayment(out.failure)) return { status: 'not_found' };
    return { status: 'failed', code: failureCode(out.failure), message: redactPansIn(out.failure.message) };
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    const out = await attempt(() =>
      this.checkout.ModificationsApi.refundCapturedPayment(
        req.reference,
        { merchantAccount: this.options.merchantAccount, amount: toAdyenAmount(req.amount, req.currency), reference: attemptReference(req.idempotencyKey) },
        { idempotencyKey: req.idempotencyKey },
      ),
    );
    if (!out.ok) return { status: 'failed', code: failureCode(out.failure), message: redactPansIn(out.failure.message) };
    return { status: 'pending', refundReference: out.value.pspReference };
  }

  async retrieve(reference: string): Promise<RetrieveResult | undefined> {
    const state = await this.options.paymentState?.(reference);
    return state ? retrieveResultFromState(state) : undefined;
  }
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: AdyenFailure };

/** Runs one library call; our HTTP client's typed errors become data, anything else propagates. */
async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (e instanceof AdyenNetworkError) return { ok: false, failure: { kind: 'network', timeout: e.timeout, message: e.message, ...(e.errno ? { errno: e.errno } : {}) } };
    if (e instanceof AdyenHttpError) return { ok: false, failure: { kind: 'http', statusCode: e.statusCode, message: e.message, ...(e.errorCode ? { errorCode: e.errorCode } : {}) } };
    throw e;
  }
}
