/**
 * Append-only, hash-chained audit streams (one per payment, one per merchant): the record that
 * lets every decision be proven afterwards (DESIGN.md §4, §7). The chain itself is pure
 * (core/audit); a store only has to keep seq unique per stream, which is what makes a fork
 * impossible: two appenders that read the same head race for the same seq and one loses.
 */
import type { AuditDraft, AuditEntry, AuditHead } from '../../core/audit/index.js';

export interface AuditTrail {
  /**
   * Chains `drafts` after the stream's current head and writes them all or none. Concurrent
   * appenders never fork the stream: the loser re-reads the head and retries (bounded).
   * @returns the new head
   */
  append(stream: string, drafts: readonly AuditDraft[]): Promise<AuditHead>;
  /** The whole stream in seq order (empty for an unknown stream). */
  list(stream: string): Promise<AuditEntry[]>;
}

/** Operators' view across streams (`agentpay audit verify` with no `--payment`). */
export interface AuditStreamLister {
  /** Every stream id present, sorted. A full scan: for tools, never on the payment path. */
  listStreams(): Promise<string[]>;
}

/** The stream kept moving under every retry of an append: nothing was written. Retryable later. */
export class AuditAppendContentionError extends Error {
  override readonly name = 'AuditAppendContentionError';
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`audit stream ${stream}: head kept changing, gave up after ${attempts} attempts`);
  }
}
