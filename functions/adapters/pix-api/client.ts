/**
 * API Pix HTTP client: OAuth2 client credentials (Basic auth at the token endpoint, bearer on the
 * API), mTLS when certificate files are configured, JSON in and out, problems as
 * {@link PixApiError}. A 401 on the API is retried once with a fresh token (the PSP may revoke a
 * token before its `expires_in`); nothing else is retried here, because the port's creates are
 * idempotent `PUT`s the caller can safely repeat.
 */
import { readFileSync } from 'node:fs';
import { PixPspError } from '../../app/ports/pix-psp.js';
import { PixApiError, problemFromResponse } from './errors.js';
import { nodeHttpTransport, type HttpRequest, type HttpTransport } from './http.js';
import { TokenCache, type IssuedToken } from './oauth.js';
import type { TokenWire } from './wire.js';

/** Scopes this connector uses (API Pix 2.9.0 `securitySchemes.OAuth2`). */
export const DEFAULT_SCOPES = [
  'cob.write', 'cob.read', 'cobv.write', 'cobv.read', 'pix.write', 'pix.read',
  'webhook.write', 'webhook.read', 'rec.write', 'rec.read', 'cobr.write', 'cobr.read',
] as const;

export interface PixApiClientOptions {
  /** `PIX_API_BASE`, e.g. `https://pix.example.com/api/v2` or the sandbox `http://127.0.0.1:port`. */
  readonly baseUrl: string;
  /** `PIX_CLIENT_ID` / `PIX_CLIENT_SECRET`. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The token URL is PSP-specific (the spec's `tokenUrl` is a placeholder); default `{baseUrl}/oauth/token`. */
  readonly tokenUrl?: string;
  readonly scopes?: readonly string[];
  /** `PIX_CERT_FILE` / `PIX_KEY_FILE` (PEM): client certificate for mTLS; optional CA bundle. */
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly caFile?: string;
  /** Per-request deadline. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Renew the token this many seconds before it expires (capped at half its lifetime). Default 60. */
  readonly renewBeforeSeconds?: number;
  /** Clock for token expiry, ms since the epoch. */
  readonly now?: () => number;
  /** Replaces the node:http(s) transport (tests). */
  readonly transport?: HttpTransport;
}

export interface CallOptions {
  readonly query?: Record<string, string>;
  readonly body?: unknown;
}

export interface CallResult<T> {
  readonly status: number;
  readonly data: T;
}

function base(url: string): URL {
  try {
    return new URL(url.endsWith('/') ? url : `${url}/`);
  } catch {
    throw new PixPspError('invalid_request', 'the API Pix base URL is not an absolute URL');
  }
}

export class PixApiClient {
  readonly #base: URL;
  readonly #tokenUrl: URL;
  readonly #transport: HttpTransport;
  readonly #tokens: TokenCache;
  readonly #timeoutMs: number;

  constructor(private readonly options: PixApiClientOptions) {
    this.#base = base(options.baseUrl);
    this.#tokenUrl = options.tokenUrl ? new URL(options.tokenUrl) : new URL('oauth/token', this.#base);
    if ((options.certFile === undefined) !== (options.keyFile === undefined)) {
      throw new PixPspError('invalid_request', 'mTLS needs both a certificate file and a key file');
    }
    // Read once at construction (cold start): a missing file fails here, not on the first payment.
    const tls =
      options.certFile && options.keyFile
        ? {
            cert: readFileSync(options.certFile),
            key: readFileSync(options.keyFile),
            ...(options.caFile ? { ca: readFileSync(options.caFile) } : {}),
          }
        : undefined;
    this.#transport = options.transport ?? nodeHttpTransport(tls);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#tokens = new TokenCache({
      fetchToken: () => this.#fetchToken(),
      now: options.now ?? Date.now,
      ...(options.renewBeforeSeconds !== undefined ? { renewBeforeSeconds: options.renewBeforeSeconds } : {}),
    });
  }

  /** Number of token requests made so far. */
  get tokenRequests(): number {
    return this.#tokens.requests;
  }

  close(): void {
    this.#transport.close();
  }

  /**
   * One API call. `path` segments must already be URI-encoded (see {@link seg}). Non-2xx answers
   * throw {@link PixApiError}; a 2xx with a body that is not JSON is a `protocol` error.
   */
  async call<T>(method: HttpRequest['method'], path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const url = new URL(path.replace(/^\//, ''), this.#base);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    for (let attempt = 0; ; attempt++) {
      const token = await this.#tokens.get();
      const res = await this.#transport.request({
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json, application/problem+json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body } : {}),
        timeoutMs: this.#timeoutMs,
      });
      if (res.status === 401 && attempt === 0) {
        this.#tokens.invalidate(token);
        continue;
      }
      if (res.status < 200 || res.status > 299) throw problemFromResponse(res.status, res.body);
      if (res.body.trim() === '') return { status: res.status, data: undefined as T };
      try {
        return { status: res.status, data: JSON.parse(res.body) as T };
      } catch (e) {
        throw new PixPspError('protocol', `PSP answered ${res.status} with a body that is not JSON`, { cause: e });
      }
    }
  }

  async #fetchToken(): Promise<IssuedToken> {
    const o = this.options;
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before the Basic encoding.
    const basic = Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'client_credentials', scope: (o.scopes ?? DEFAULT_SCOPES).join(' ') });
    const res = await this.#transport.request({
      method: 'POST',
      url: this.#tokenUrl,
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      timeoutMs: this.#timeoutMs,
    });
    if (res.status < 200 || res.status > 299) throw problemFromResponse(res.status, res.body);
    let t: Partial<TokenWire>;
    try {
      t = JSON.parse(res.body) as Partial<TokenWire>;
    } catch (e) {
      throw new PixPspError('protocol', 'token endpoint answered with a body that is not JSON', { cause: e });
    }
    if (typeof t.access_token !== 'string' || t.access_token === '' || String(t.token_type).toLowerCase() !== 'bearer') {
      throw new PixPspError('protocol', 'token endpoint did not return a bearer access_token');
    }
    // expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, assume a short life.
    const expires = typeof t.expires_in === 'number' && t.expires_in > 0 ? t.expires_in : 60;
    return { accessToken: t.access_token, expiresInSeconds: expires };
  }
}

/** One URI-encoded path segment (a Pix key may hold `+` or `@`). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

export { PixApiError };
