/**
 * The HTTP client handed to `new Client(config, httpClient)` of @adyen/api-library. The library's
 * own client speaks only https and turns a timeout into an untyped "socket hang up"; ours uses
 * fetch with an abort deadline, can point the library's fixed endpoints
 * (`https://checkout-test.adyen.com/v72/…`) at another base (ADYEN_CHECKOUT_BASE: a local sandbox
 * or a proxy), sends `Idempotency-Key` (https://docs.adyen.com/development-resources/api-idempotency)
 * and raises typed errors.
 */
// Deep imports: the package root re-exports every Adyen API (2.3 MB minified); the Lambda bundle
// needs only the client and Checkout (DESIGN.md §8: bundles ≤ 500 KB).
import * as clientModule from '@adyen/api-library/lib/src/client.js';
import * as configModule from '@adyen/api-library/lib/src/config.js';
import * as checkoutModule from '@adyen/api-library/lib/src/services/checkout/index.js';
import type { Config } from '@adyen/api-library';
import type * as adyenTypes from '@adyen/api-library';
import type { IRequest } from '@adyen/api-library/lib/src/typings/requestOptions.js';

/**
 * These are CommonJS modules with `__esModule`: bundlers and tsx hand us `exports.default`, Node's
 * own ESM loader (vitest externals) hands us `module.exports`. Accept both.
 */
function cjsDefault<T>(ns: { default?: unknown }): T {
  const d = ns.default as { default?: T } | T | undefined;
  return ((d as { default?: T } | undefined)?.default ?? d ?? ns) as T;
}
const Client = cjsDefault<typeof adyenTypes.Client>(clientModule);
const CheckoutAPI = cjsDefault<typeof adyenTypes.CheckoutAPI>(checkoutModule);
const EnvironmentEnum = ((configModule as unknown as { EnvironmentEnum?: typeof adyenTypes.EnvironmentEnum }).EnvironmentEnum ??
  cjsDefault<{ EnvironmentEnum: typeof adyenTypes.EnvironmentEnum }>(configModule).EnvironmentEnum);
/** The library's HTTP client contract (lib/src/httpClient/clientInterface.d.ts). */
type ClientInterface = InstanceType<typeof Client>['httpClient'];

/** Adyen answered with a non-2xx status; `errorCode`/`errorType` from its error body when present. */
export class AdyenHttpError extends Error {
  override readonly name = 'AdyenHttpError';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode?: string,
    readonly errorType?: string,
  ) {
    super(message);
  }
}

/** No HTTP answer: the request may or may not have reached Adyen (`timeout`), or surely did not (`refused`). */
export class AdyenNetworkError extends Error {
  override readonly name = 'AdyenNetworkError';
  constructor(
    readonly timeout: boolean,
    message: string,
    readonly errno?: string,
  ) {
    super(message);
  }
}

export interface AdyenHttpClientOptions {
  /** Replaces scheme, host and port of the library's endpoints, keeping `/v72/…`; e.g. `http://127.0.0.1:4020`. */
  readonly checkoutBase?: string;
  readonly timeoutMs: number;
}

export class AdyenHttpClient implements ClientInterface {
  constructor(private readonly options: AdyenHttpClientOptions) {}

  async request(endpoint: string, json: string | Buffer, config: Config, _isApiKeyRequired: boolean, requestOptions: IRequest.Options = {}): Promise<string> {
    const url = new URL(this.rewrite(endpoint));
    if (requestOptions.params) url.search = new URLSearchParams(requestOptions.params).toString();
    const method = requestOptions.method ?? 'POST';
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (config.apiKey) headers['x-api-key'] = config.apiKey;
    if (requestOptions.idempotencyKey) headers['idempotency-key'] = requestOptions.idempotencyKey;
    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method,
        headers,
        ...(method === 'GET' ? {} : { body: typeof json === 'string' ? json : new Uint8Array(json) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      throw toNetworkError(e, this.options.timeoutMs);
    }
    if (status < 200 || status >= 300) throw toHttpError(status, text);
    return text;
  }

  private rewrite(endpoint: string): string {
    if (!this.options.checkoutBase) return endpoint;
    const original = new URL(endpoint);
    return new URL(original.pathname + original.search, this.options.checkoutBase).toString();
  }
}

function toNetworkError(e: unknown, timeoutMs: number): AdyenNetworkError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return new AdyenNetworkError(true, `Adyen request timed out after ${timeoutMs}ms`, 'ETIMEDOUT');
  const errno = err.cause?.code;
  return new AdyenNetworkError(false, `Adyen connection failed: ${err.cause?.message ?? err.message ?? 'unknown'}`, errno);
}

/** Adyen's error body: `{ status, errorCode, message, errorType, pspReference }` (ServiceError). */
function toHttpError(status: number, text: string): AdyenHttpError {
  try {
    const body = JSON.parse(text) as { errorCode?: unknown; message?: unknown; errorType?: unknown };
    const message = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    return new AdyenHttpError(status, message, typeof body.errorCode === 'string' ? body.errorCode : undefined, typeof body.errorType === 'string' ? body.errorType : undefined);
  } catch {
    return new AdyenHttpError(status, `HTTP ${status}`);
  }
}

export interface AdyenCheckoutOptions {
  readonly apiKey: string;
  /** `test` or `live`; live also needs the account's URL prefix (Adyen: live endpoints). */
  readonly environment?: 'test' | 'live';
  readonly liveEndpointUrlPrefix?: string;
  readonly checkoutBase?: string;
  readonly timeoutMs?: number;
}

export const DEFAULT_ADYEN_TIMEOUT_MS = 8_000;

/** The Checkout API services our adapter uses, wired to {@link AdyenHttpClient}. */
export function createAdyenCheckout(options: AdyenCheckoutOptions): InstanceType<typeof CheckoutAPI> {
  const live = options.environment === 'live';
  const client = new Client(
    {
      apiKey: options.apiKey,
      environment: live ? EnvironmentEnum.LIVE : EnvironmentEnum.TEST,
      ...(options.liveEndpointUrlPrefix ? { liveEndpointUrlPrefix: options.liveEndpointUrlPrefix } : {}),
    },
    new AdyenHttpClient({ timeoutMs: options.timeoutMs ?? DEFAULT_ADYEN_TIMEOUT_MS, ...(options.checkoutBase ? { checkoutBase: options.checkoutBase } : {}) }),
  );
  return new CheckoutAPI(client);
}
