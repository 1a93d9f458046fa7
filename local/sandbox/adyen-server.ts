/**
 * An Adyen-compatible sandbox acquirer on 127.0.0.1: the Checkout API subset our Adyen adapter
 * uses, under any `/v<N>` prefix (@adyen/api-library 32 calls v72), reached through the adapter's
 * injected HTTP client (ADYEN_CHECKOUT_BASE).
 *
 * - `X-API-Key` must match; errors use Adyen's `{ status, errorCode, message, errorType }`.
 * - `Idempotency-Key` (https://docs.adyen.com/development-resources/api-idempotency): same key and
 *   same body → the stored answer again; same key with another body, or while the first is still
 *   running → 422 errorCode 704 (a sandbox choice; requests are compared by a hash of the body).
 * - Sandbox-only reads:
 *   `GET /__sandbox/payments/{pspReference}` → `{ pspReference, status, amount, capturedValue, refundedValue }`
 *     (the notification-derived state the adapter's `paymentState` option expects);
 *   `GET /__sandbox/payments?merchantReference=&paymentId=` → `{ payments: [{ pspReference, merchantReference, status }] }`;
 *   `GET /__sandbox/settlement?from=<RFC 3339>&to=<RFC 3339>` → `{ merchantAccount, from, to, records }`,
 *     one record per settled capture or refund, fields named after Adyen's Settlement Details Report
 *     columns (pspReference, modificationReference, merchantReference, type Settled|Refunded,
 *     grossCurrency, grossCredit, grossDebit, commission, netCredit, netDebit, creationDate) but with
 *     integer minor-unit amounts instead of the report's decimals.
 * - Standard webhooks for refunds, captures and cancels (card-adyen-notify.ts), signed with the HMAC
 *   key the sandbox returns as `ADYEN_HMAC_KEY`, sent to `<url>/webhooks/adyen` once `setWebhookUrl`
 *   named the API (the runtime's `ready` hook); `POST /__sandbox/notifications { delay_ms, duplicates, refund_success }`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createNotifier } from './card-adyen-notify.js';
import { sharedCardBehaviour, type CardBehaviour } from './card-behaviour.js';
import { routeAdyen, type AdyenState } from './card-adyen-routes.js';
import { DEFAULT_CONTROL, canonicalHash, delayIfSlow, dropIfDown, handleControl, listen, readBody, sendJson, type SandboxControl } from './http-util.js';

export interface AdyenSandboxOptions {
  readonly apiKey?: string;
  readonly merchantAccount?: string;
  readonly behaviour?: CardBehaviour;
  readonly now?: () => Date;
  /** HMAC key (hex) notifications are signed with; random per start by default. */
  readonly hmacKey?: string;
}

export interface AdyenSandbox {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly merchantAccount: string;
  readonly env: Record<string, string>;
  readonly state: AdyenState;
  control(): SandboxControl;
  setControl(next: SandboxControl): void;
  /** Where notifications go: the API's base URL (`/webhooks/adyen` is appended). */
  setWebhookUrl(url: string): void;
  stop(): Promise<void>;
}

interface StoredResponse { readonly fingerprint: string; done: boolean; status: number; body: unknown }

export async function startAdyenSandbox(options: AdyenSandboxOptions = {}): Promise<AdyenSandbox> {
  const apiKey = options.apiKey ?? 'AQE_sandbox_adyen_key_000000000000';
  const merchantAccount = options.merchantAccount ?? 'SmartAgentPaySandboxECOM';
  const now = options.now ?? (() => new Date());
  const behaviour = options.behaviour ?? sharedCardBehaviour;
  const state: AdyenState = { merchantAccount, payments: new Map(), settlement: [] };
  const ctl = { control: DEFAULT_CONTROL };
  const idempotency = new Map<string, StoredResponse>();
  const hmacKey = options.hmacKey ?? randomBytes(32).toString('hex').toUpperCase();
  const notifier = createNotifier({ hmacKey, merchantAccount, now });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (await handleControl(req, res, url.pathname, ctl)) return;
    if (url.pathname === '/__sandbox/notifications' && req.method === 'POST') {
      let parsed: unknown;
      try {
        parsed = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON' });
      }
      const out = notifier.update(parsed);
      return typeof out === 'string' ? sendJson(res, 400, { error: out }) : sendJson(res, 200, out);
    }
    if (url.pathname.startsWith('/__sandbox/')) return sandboxRead(url, res);
    if (!dropIfDown(req, ctl.control)) return;
    const raw = await readBody(req);
    if (req.headers['x-api-key'] !== apiKey) {
      sendJson(res, 401, { status: 401, errorCode: '000', message: 'HTTP Status Response - Unauthorized', errorType: 'security' });
      return;
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      sendJson(res, 400, { status: 400, errorCode: '702', message: 'Structure of request is invalid', errorType: 'validation' });
      return;
    }
    const method = req.method ?? 'POST';
    const keyHeader = req.headers['idempotency-key'];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    const ctx = { state, behaviour, now, successRate: ctl.control.success_rate, idempotencyKey: key ?? '', notify: notifier.send, refundSuccess: notifier.settings.refund_success };
    if (key === undefined) {
      await delayIfSlow(ctl.control);
      const out = routeAdyen(method, url.pathname, body, ctx);
      sendJson(res, out.status, out.body);
      return;
    }
    const fingerprint = canonicalHash({ method, path: url.pathname, body });
    const stored = idempotency.get(key);
    if (stored && (stored.fingerprint !== fingerprint || !stored.done)) {
      sendJson(res, 422, { status: 422, errorCode: '704', message: 'request already processed or in progress', errorType: 'validation' });
      return;
    }
    await delayIfSlow(ctl.control);
    if (stored) {
      sendJson(res, stored.status, stored.body, { 'idempotency-key': key });
      return;
    }
    const entry: StoredResponse = { fingerprint, done: false, status: 0, body: null };
    idempotency.set(key, entry);
    const out = routeAdyen(method, url.pathname, body, ctx);
    Object.assign(entry, { done: true, status: out.status, body: out.body });
    sendJson(res, out.status, out.body, { 'idempotency-key': key });
  }

  function sandboxRead(url: URL, res: ServerResponse): void {
    const pay = /^\/__sandbox\/payments\/([^/]+)$/.exec(url.pathname);
    if (pay) {
      const p = state.payments.get(pay[1] as string);
      if (!p) return sendJson(res, 404, { status: 404, errorCode: '000', message: 'unknown pspReference', errorType: 'validation' });
      return sendJson(res, 200, { pspReference: p.pspReference, status: p.status, amount: p.amount, capturedValue: p.capturedValue, refundedValue: p.refundedValue, merchantReference: p.merchantReference });
    }
    if (url.pathname === '/__sandbox/payments') {
      const ref = url.searchParams.get('merchantReference');
      const paymentId = url.searchParams.get('paymentId');
      const rows = [...state.payments.values()].filter((p) => (ref === null || p.merchantReference === ref) && (paymentId === null || p.paymentId === paymentId));
      return sendJson(res, 200, { payments: rows.map((p) => ({ pspReference: p.pspReference, merchantReference: p.merchantReference, status: p.status })) });
    }
    if (url.pathname === '/__sandbox/settlement') {
      const from = Date.parse(url.searchParams.get('from') ?? '');
      const to = Date.parse(url.searchParams.get('to') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return sendJson(res, 400, { error: 'from and to must be RFC 3339 times' });
      const records = state.settlement.filter((r) => Date.parse(r.creationDate) >= from && Date.parse(r.creationDate) <= to);
      return sendJson(res, 200, { merchantAccount, from: new Date(from).toISOString(), to: new Date(to).toISOString(), records });
    }
    sendJson(res, 404, { error: 'not found' });
  }

  const listening = await listen((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { status: 500, errorCode: '000', message: 'sandbox internal error', errorType: 'internal' });
    });
  });
  return {
    baseUrl: listening.baseUrl,
    apiKey,
    merchantAccount,
    env: { ADYEN_CHECKOUT_BASE: listening.baseUrl, ADYEN_API_KEY: apiKey, ADYEN_MERCHANT_ACCOUNT: merchantAccount, ADYEN_HMAC_KEY: hmacKey },
    state,
    control: () => ctl.control,
    setControl: (next) => {
      ctl.control = next;
    },
    setWebhookUrl: (u) => notifier.setUrl(u),
    stop: () => {
      notifier.stop();
      return listening.close();
    },
  };
}
