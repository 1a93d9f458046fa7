/** In-memory RoutingStateStore with the DynamoDB adapter's version semantics (for unit tests). */
import { emptyRoutingState } from '../../core/routing/index.js';
import { RoutingStateConflictError, type RoutingStateStore, type StoredRoutingState } from '../../app/ports/routing-state.js';

export class MemoryRoutingStateStore implements RoutingStateStore {
  readonly items = new Map<string, StoredRoutingState>();
  reads = 0;

  async load(merchantId: string, scope: string): Promise<StoredRoutingState> {
    this.reads++;
    const s = this.items.get(`${merchantId}#${scope}`);
    return s ? structuredClone(s) : { state: emptyRoutingState(), version: 0, applied: [] };
  }

  async save(merchantId: string, scope: string, next: Omit<StoredRoutingState, 'version'>, expectedVersion: number): Promise<void> {
    const key = `${merchantId}#${scope}`;
    if ((this.items.get(key)?.version ?? 0) !== expectedVersion) throw new RoutingStateConflictError(merchantId, scope);
    this.items.set(key, structuredClone({ ...next, version: expectedVersion + 1 }));
  }
}
