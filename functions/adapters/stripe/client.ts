/**
 * Builds the stripe SDK client from the adapter's options. `apiBase` (STRIPE_API_BASE) points the
 * SDK at the local sandbox through its `host`/`port`/`protocol` options; unset on AWS, where the
 * SDK's default (https://api.stripe.com) applies.
 */
import Stripe from 'stripe';

export interface StripeClientOptions {
  readonly apiKey: string;
  /** e.g. `http://127.0.0.1:4010`; omit for api.stripe.com. */
  readonly apiBase?: string;
  /** Per-request timeout (ms). A saga step has a few seconds for the whole cascade. */
  readonly timeoutMs?: number;
  /**
   * SDK retries on connection errors, 409 and 5xx. Safe for money movement because every POST we
   * make carries our idempotency key and the SDK reuses that same key on each retry
   * (https://docs.stripe.com/error-low-level#idempotency): Stripe replays the first result
   * instead of charging again.
   */
  readonly maxNetworkRetries?: number;
}

export const DEFAULT_TIMEOUT_MS = 8_000;
export const DEFAULT_MAX_NETWORK_RETRIES = 1;

export function createStripeClient(options: StripeClientOptions): Stripe {
  const base = options.apiBase ? parseApiBase(options.apiBase) : {};
  return new Stripe(options.apiKey, {
    ...base,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxNetworkRetries: options.maxNetworkRetries ?? DEFAULT_MAX_NETWORK_RETRIES,
    // No latency telemetry headers towards Stripe from a payments back end.
    telemetry: false,
    appInfo: { name: 'smart-agent-pay' },
  });
}

/** `http://127.0.0.1:4010` → `{ protocol: 'http', host: '127.0.0.1', port: 4010 }`. */
export function parseApiBase(apiBase: string): { protocol: 'http' | 'https'; host: string; port: number } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : url.protocol === 'https:' ? 'https' : undefined;
  if (!protocol) throw new RangeError(`STRIPE_API_BASE must be http(s): ${apiBase}`);
  if (url.pathname !== '/' && url.pathname !== '') throw new RangeError('STRIPE_API_BASE must not have a path (the SDK adds /v1)');
  return { protocol, host: url.hostname, port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80 };
}
