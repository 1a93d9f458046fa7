/**
 * The double-entry ledger (DESIGN.md §4). Entries are immutable and posted at most once: the id
 * is derived from the business event (core/ledger `entryId`), so a retried saga step, a replayed
 * webhook or a concurrent duplicate all land on the same id and only the first is written.
 * Implemented by adapters/dynamodb/ledger.ts and the in-memory fake; both pass
 * test/contract/ledger.contract.ts.
 */
import type { Balance, JournalEntry } from '../../core/ledger/index.js';

export interface ListEntriesOptions {
  /** Inclusive lower bound on `createdAt` (RFC 3339 UTC). */
  readonly from?: string;
  /** Exclusive upper bound on `createdAt`. */
  readonly to?: string;
  /** At most this many entries, oldest first. */
  readonly limit?: number;
}

export interface Ledger {
  /**
   * Validates the entry with the core (`InvalidEntryError`, nothing written), then writes the
   * entry and its balance updates atomically. `'already_posted'` when an entry with this id
   * exists with the same effect; `LedgerConflictError` when it exists with different postings or
   * another merchant. The ledger's content is the same whichever the answer: the entry is there once.
   */
  post(entry: JournalEntry): Promise<'posted' | 'already_posted'>;
  getEntry(id: string): Promise<JournalEntry | undefined>;
  /** Every (account, currency) the merchant's entries touched, sorted by `<account>#<currency>`. */
  balances(merchantId: string): Promise<Balance[]>;
  /** The merchant's entries by `createdAt` (then id), oldest first. */
  listEntries(merchantId: string, opts?: ListEntriesOptions): Promise<JournalEntry[]>;
}
