/**
 * Where the routing agent keeps what it learns (one record per merchant and scope, e.g. `card`).
 * Writes are conditional on the version read, so two consumers applying outcomes at once never
 * lose one of them: the loser re-reads and applies again.
 */
import type { RoutingState } from '../../core/routing/index.js';

export type StoredRoutingState = {
  readonly state: RoutingState;
  /** 0 when nothing is stored yet. */
  readonly version: number;
  /** Ids of the last events applied (bounded), so a redelivered event is not counted twice. */
  readonly applied: readonly string[];
};

export class RoutingStateConflictError extends Error {
  override readonly name = 'RoutingStateConflictError';
  constructor(readonly merchantId: string, readonly scope: string) {
    super(`routing state ${merchantId}/${scope} changed concurrently`);
  }
}

export interface RoutingStateStore {
  load(merchantId: string, scope: string): Promise<StoredRoutingState>;
  /**
   * Stores `next` as version `expectedVersion + 1` if the stored version is still `expectedVersion`.
   * @throws RoutingStateConflictError
   */
  save(merchantId: string, scope: string, next: Omit<StoredRoutingState, 'version'>, expectedVersion: number): Promise<void>;
}
