/**
 * In-memory {@link Ledger} for unit tests of use cases: the same semantics as the DynamoDB
 * adapter (validation first, at-most-once per id, conflict on a different effect, balances per
 * (account, currency) including zero nets), proven by the shared contract suite.
 */
import type { Ledger, ListEntriesOptions } from '../../app/ports/ledger.js';
import {
  LedgerConflictError,
  balanceKey,
  netPostings,
  sameEffect,
  sortBalances,
  validateEntry,
  type Balance,
  type JournalEntry,
} from '../../core/ledger/index.js';

export class InMemoryLedger implements Ledger {
  readonly #entries = new Map<string, JournalEntry>();
  readonly #balances = new Map<string, Map<string, Balance>>();

  async post(entry: JournalEntry): Promise<'posted' | 'already_posted'> {
    validateEntry(entry);
    const stored = this.#entries.get(entry.id);
    if (stored !== undefined) {
      if (!sameEffect(stored, entry)) throw new LedgerConflictError(entry.id);
      return 'already_posted';
    }
    // Copy in: a caller mutating its object afterwards must not change the ledger.
    this.#entries.set(entry.id, structuredClone(entry));
    let books = this.#balances.get(entry.merchantId);
    if (books === undefined) this.#balances.set(entry.merchantId, (books = new Map()));
    for (const n of netPostings(entry)) {
      const key = balanceKey(n.account, n.currency);
      books.set(key, { ...n, amount: (books.get(key)?.amount ?? 0) + n.amount });
    }
    return 'posted';
  }

  async getEntry(id: string): Promise<JournalEntry | undefined> {
    const e = this.#entries.get(id);
    return e === undefined ? undefined : structuredClone(e);
  }

  async balances(merchantId: string): Promise<Balance[]> {
    return sortBalances([...(this.#balances.get(merchantId)?.values() ?? [])].map((b) => ({ ...b })));
  }

  async listEntries(merchantId: string, opts: ListEntriesOptions = {}): Promise<JournalEntry[]> {
    const list = [...this.#entries.values()]
      .filter((e) => e.merchantId === merchantId)
      .filter((e) => (opts.from === undefined || e.createdAt >= opts.from) && (opts.to === undefined || e.createdAt < opts.to))
      .sort((a, b) => compare(timeKey(a), timeKey(b)));
    return structuredClone(opts.limit === undefined ? list : list.slice(0, opts.limit));
  }
}

/** The same order as the DynamoDB index sort key (`<createdAt>#<id>`). */
export function timeKey(e: JournalEntry): string {
  return `${e.createdAt}#${e.id}`;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
