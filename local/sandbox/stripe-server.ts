/**
 * A Stripe-compatible sandbox acquirer on 127.0.0.1 for local mode and integration tests: the
 * subset of the v1 API our Stripe adapter uses, reached by the official SDK through its
 * `host`/`port`/`protocol` options. Like stripe-mock, but stateful and with API.md's test cards.
 *
 * - Bodies are form-encoded with brackets (`metadata[payment_id]=…`), as the SDK sends them.
 * - `Idempotency-Key` on POSTs (https://docs.stripe.com/api/idempotent_requests): same key + same
 *   parameters → the stored status and body again (`Idempotent-Replayed: true`); same key + other
 *   parameters → 400 `idempotency_error`; same key while the first still runs → 409.
 * - Errors use Stripe's `{ error: { type, code, decline_code, message, … } }` shape and status codes,
 *   so the SDK raises StripeCardError / StripeInvalidRequestError / StripeIdempotencyError.
 * - Only last4, brand and a keyed fingerprint of a card are kept; idempotent requests are compared
 *   by a hash of their parameters, never by the parameters themselves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sharedCardBehaviour, type CardBehaviour } from './card-behaviour.js';
import { routeStripe } from './card-stripe-routes.js';
import { StripeLedger } from './card-stripe-ledger.js';
import { DEFAULT_CONTROL, canonicalHash, dropIfDown, delayIfSlow, handleControl, listen, parseForm, readBody, sendJson, type FormObject, type SandboxControl } from './http-util.js';

export interface StripeSandboxOptions {
  readonly apiKey?: string;
  readonly webhookSecret?: string;
  readonly behaviour?: CardBehaviour;
  readonly now?: () => Date;
}

export interface StripeSandbox {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** Environment for the composition root (see functions/config.ts). */
  readonly env: Record<string, string>;
  readonly ledger: StripeLedger;
  control(): SandboxControl;
  setControl(next: SandboxControl): void;
  stop(): Promise<void>;
}

interface StoredResponse { readonly fingerprint: string; done: boolean; status: number; body: unknown }

export async function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<StripeSandbox> {
  const apiKey = options.apiKey ?? 'sk_test_sandbox_stripe_000000000000';
  const webhookSecret = options.webhookSecret ?? 'whsec_sandbox_stripe_000000000000';
  const now = options.now ?? (() => new Date());
  const behaviour = options.behaviour ?? sharedCardBehaviour;
  const ledger = new StripeLedger(() => Math.floor(now().getTime() / 1000));
  const state = { control: DEFAULT_CONTROL };
  const idempotency = new Map<string, StoredResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (await handleControl(req, res, url.pathname, state)) return;
    if (!dropIfDown(req, state.control)) return;
    const raw = await readBody(req);
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      sendJson(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
      return;
    }
    const method = req.method ?? 'GET';
    const params: FormObject = method === 'POST' ? parseForm(raw) : parseForm(url.search.slice(1));
    const key = method === 'POST' ? header(req, 'idempotency-key') : undefined;
    const ctx = { ledger, behaviour, now, successRate: state.control.success_rate, idempotencyKey: key ?? '' };

    if (key === undefined) {
      await delayIfSlow(state.control);
      const out = routeStripe(method, url.pathname, params, ctx);
      sendJson(res, out.status, out.body);
      return;
    }
    // Scope: the key, the method and the path (Stripe rejects reuse on another endpoint too).
    const fingerprint = canonicalHash({ method, path: url.pathname, params });
    const stored = idempotency.get(key);
    if (stored && stored.fingerprint !== fingerprint) {
      await delayIfSlow(state.control);
      sendJson(res, 400, {
        error: {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        },
      });
      return;
    }
    if (stored && !stored.done) {
      sendJson(res, 409, { error: { type: 'invalid_request_error', code: 'idempotency_key_in_use', message: 'There is currently another in-progress request using this Idempotency-Key. Please try again later.' } });
      return;
    }
    if (stored) {
      await delayIfSlow(state.control);
      sendJson(res, stored.status, stored.body, { 'idempotent-replayed': 'true', 'idempotency-key': key });
      return;
    }
    const entry: StoredResponse = { fingerprint, done: false, status: 0, body: null };
    // Registered before the (slow-mode) delay, so a client retry that arrives meanwhile gets a 409.
    idempotency.set(key, entry);
    await delayIfSlow(state.control);
    const out = routeStripe(method, url.pathname, params, ctx);
    Object.assign(entry, { done: true, status: out.status, body: out.body });
    sendJson(res, out.status, out.body, { 'idempotency-key': key });
  }

  const listening = await listen((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { type: 'api_error', message: 'sandbox internal error' } });
    });
  });
  return {
    baseUrl: listening.baseUrl,
    apiKey,
    webhookSecret,
    env: { STRIPE_API_BASE: listening.baseUrl, STRIPE_API_KEY: apiKey, STRIPE_WEBHOOK_SECRET: webhookSecret },
    ledger,
    control: () => state.control,
    setControl: (next) => {
      state.control = next;
    },
    stop: () => listening.close(),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
