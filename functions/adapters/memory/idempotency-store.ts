/** In-memory IdempotencyStore with the DynamoDB adapter's semantics, for use-case unit tests. */
import type { BeginResult, IdempotencyStore, StoredResponse } from '../../app/ports/idempotency-store.js';

type Rec = { status: 'IN_PROGRESS' | 'COMPLETED'; fingerprint: string; lockExpiresAt: number; response?: StoredResponse };

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly records = new Map<string, Rec>();

  async begin(id: string, fingerprint: string, nowMs: number, lockMs: number): Promise<BeginResult> {
    const old = this.records.get(id);
    if (!old || (old.status === 'IN_PROGRESS' && old.lockExpiresAt < nowMs)) {
      this.records.set(id, { status: 'IN_PROGRESS', fingerprint, lockExpiresAt: nowMs + lockMs });
      return { state: 'started' };
    }
    if (old.status === 'COMPLETED' && old.response) return { state: 'completed', fingerprint: old.fingerprint, response: old.response };
    return { state: 'in_flight', fingerprint: old.fingerprint, retryAfterSeconds: Math.max(1, Math.ceil((old.lockExpiresAt - nowMs) / 1000)) };
  }

  async complete(id: string, fingerprint: string, response: StoredResponse): Promise<void> {
    this.records.set(id, { status: 'COMPLETED', fingerprint, lockExpiresAt: 0, response });
  }

  async release(id: string): Promise<void> {
    if (this.records.get(id)?.status === 'IN_PROGRESS') this.records.delete(id);
  }
}
