/**
 * Storage of idempotency records (API.md "Idempotency"). A record is claimed atomically by the
 * first request; later requests see it in flight or completed. Implementations: DynamoDB
 * (conditional writes) and an in-memory fake with the same contract.
 */
export interface StoredResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type BeginResult =
  | { readonly state: 'started' }
  | { readonly state: 'in_flight'; readonly fingerprint: string; readonly retryAfterSeconds: number }
  | { readonly state: 'completed'; readonly fingerprint: string; readonly response: StoredResponse };

export interface IdempotencyStore {
  /**
   * Claims `id` for a request with `fingerprint` unless a live claim or a completed record exists.
   * A claim whose lock expired (its runner died) can be taken over: downstream calls reuse derived
   * idempotency keys, so running again is safe.
   */
  begin(id: string, fingerprint: string, nowMs: number, lockMs: number): Promise<BeginResult>;
  /** Stores the final response (kept at least `ttlSeconds`). */
  complete(id: string, fingerprint: string, response: StoredResponse, nowMs: number, ttlSeconds: number): Promise<void>;
  /** Forgets a claim whose request ended in a 5xx, so the client's retry runs again. */
  release(id: string): Promise<void>;
}
