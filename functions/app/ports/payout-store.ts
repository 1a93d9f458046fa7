/**
 * Payout batches and items (DESIGN.md §4, platform table). Every item transition is a conditional
 * write: `claimItem` moves pending → processing once, `settleItem` moves processing → paid|failed
 * once; the caller that made a transition is the only one that counts it.
 */
import type { EventDetail } from '../../contracts/events.js';
import type { PayoutBatch, PayoutBatchStatus, PayoutFailure, PayoutItem } from '../../core/payouts/index.js';
import type { Sealed } from './vault.js';

export type StoredPayoutItem = PayoutItem & { readonly sealedKey?: Sealed };

export type ClaimResult = 'claimed' | 'processing' | 'done' | 'missing';

export type Settlement =
  | { readonly status: 'paid'; readonly endToEndId?: string; readonly paidAt: string }
  | { readonly status: 'failed'; readonly failure: PayoutFailure };

export interface PayoutStore {
  /**
   * Writes the items, then the batch row (the commit point: a batch that exists has all its
   * items). `'exists'` when a batch with this id is already there (nothing is written then).
   */
  createBatch(batch: PayoutBatch, items: readonly StoredPayoutItem[]): Promise<'created' | 'exists'>;
  /** The batch when it belongs to `merchantId` (another merchant's batch is "not found"). */
  getBatch(batchId: string, merchantId?: string): Promise<PayoutBatch | undefined>;
  listItems(batchId: string, opts: { limit: number; startingAfter?: string }): Promise<{ items: StoredPayoutItem[]; hasMore: boolean }>;
  /** Ids of items still `pending` or `processing`, a page at a time (resume re-scans both). */
  openItemIds(batchId: string, opts: { limit: number; cursor?: string }): Promise<{ ids: string[]; cursor?: string }>;
  allItems(batchId: string): AsyncIterable<StoredPayoutItem>;
  getItem(itemId: string): Promise<StoredPayoutItem | undefined>;
  /** pending → processing; the item as it is after the call (when it exists). */
  claimItem(itemId: string, now: string): Promise<{ result: ClaimResult; item?: StoredPayoutItem }>;
  /** processing → paid|failed; true when this call made the move. */
  settleItem(itemId: string, s: Settlement, now: string): Promise<boolean>;
  /** Atomic ADD on the batch's progress counters. */
  addCounts(batchId: string, delta: { succeeded?: number; failed?: number; canceled?: number }, now: string): Promise<void>;
  /** Conditional status change; undefined when the batch was not in one of `from`. */
  transition(batchId: string, from: readonly PayoutBatchStatus[], to: PayoutBatchStatus, now: string): Promise<PayoutBatch | undefined>;
  /**
   * from → running (a canceled batch stays canceled) with `runs + 1`, conditional on `runs` still
   * being `expectedRuns` (two sweeps never start two runs); the batch after the write, or undefined.
   */
  beginRun(batchId: string, from: readonly PayoutBatchStatus[], now: string, expectedRuns: number): Promise<PayoutBatch | undefined>;
  setExecutionRef(batchId: string, ref: string, now: string): Promise<void>;
  /** pending → canceled for every open item; returns how many moved. */
  cancelPendingItems(batchId: string, now: string): Promise<number>;
  /** running|canceled → final status with recounted totals, and the event in the same transaction. */
  completeBatch(batchId: string, from: readonly PayoutBatchStatus[], final: Pick<PayoutBatch, 'status' | 'succeeded' | 'failed' | 'canceled'>, event: EventDetail, now: string): Promise<boolean>;
  /** Writes one event to the outbox on its own (no state change goes with it). */
  emit(event: EventDetail): Promise<void>;
  /** Batches not yet completed: scheduled, running, paused, or canceled before finalization. */
  activeBatches(): Promise<PayoutBatch[]>;
}

/** Starts batch executions: now, or at a time (EventBridge Scheduler one-off). */
export interface PayoutRunner {
  /** Starts execution `<batchId>-<run>`; returns its reference (execution ARN). */
  start(batchId: string, merchantId: string, run: number): Promise<string>;
  scheduleAt(batchId: string, merchantId: string, at: Date): Promise<void>;
  /** Whether the referenced execution is still running (false when unknown: e.g. the local runtime restarted). */
  isRunning(ref: string): Promise<boolean>;
}
