/**
 * OAuth2 client-credentials token cache (API Pix `securitySchemes.OAuth2`; RFC 6749 §4.4). One
 * token is shared by every call; it is renewed shortly before `expires_in` runs out, and
 * concurrent callers share a single in-flight request so a burst never mints N tokens.
 */

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

export interface TokenCacheOptions {
  /** Asks the PSP's token endpoint for a new token. */
  readonly fetchToken: () => Promise<IssuedToken>;
  /** Milliseconds since the epoch (injected for tests). */
  readonly now: () => number;
  /** Renew this long before expiry, capped at half the token lifetime. Default 60. */
  readonly renewBeforeSeconds?: number;
}

interface Cached {
  readonly token: string;
  readonly renewAt: number;
}

export class TokenCache {
  #cached: Cached | undefined;
  #inFlight: Promise<string> | undefined;
  #requests = 0;

  constructor(private readonly options: TokenCacheOptions) {}

  /** How many tokens were requested from the PSP (observability and tests). */
  get requests(): number {
    return this.#requests;
  }

  /** A valid token: the cached one, the one being fetched, or a new one. */
  async get(): Promise<string> {
    const c = this.#cached;
    if (c && this.options.now() < c.renewAt) return c.token;
    this.#inFlight ??= this.#refresh().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /**
   * Forgets `token` after the PSP refused it (401), unless a newer one already replaced it:
   * concurrent 401s on the same token cause one refresh, not one each.
   */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  async #refresh(): Promise<string> {
    const startedAt = this.options.now();
    this.#requests++;
    const issued = await this.options.fetchToken();
    const lifetimeMs = Math.max(0, issued.expiresInSeconds) * 1000;
    const marginMs = Math.min((this.options.renewBeforeSeconds ?? 60) * 1000, lifetimeMs / 2);
    // Counted from before the request: the token's clock at the PSP started no later than that.
    this.#cached = { token: issued.accessToken, renewAt: startedAt + lifetimeMs - marginMs };
    return issued.accessToken;
  }
}
