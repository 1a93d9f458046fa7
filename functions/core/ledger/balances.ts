import type { Balance, JournalEntry } from './types.js';

/** The storage sort key of a balance; both adapters list balances in this order. */
export function balanceKey(account: string, currency: string): string {
  return `${account}#${currency}`;
}

/**
 * Pure fold of entries into balances per (account, currency), sorted by {@link balanceKey} —
 * the reference the ledger adapters are checked against. Every touched (account, currency) is
 * listed, even when it nets to zero (as the stored balance rows are). The caller chooses the
 * entries (one merchant's, distinct ids); this function does not deduplicate.
 */
export function balancesFrom(entries: Iterable<JournalEntry>): Balance[] {
  const totals = new Map<string, Balance>();
  for (const entry of entries) {
    for (const p of entry.postings) {
      const key = balanceKey(p.account, p.currency);
      const prev = totals.get(key);
      totals.set(key, { account: p.account, currency: p.currency, amount: (prev?.amount ?? 0) + p.amount });
    }
  }
  return sortBalances([...totals.values()]);
}

/** Sorts balances the way the ledger lists them (by `<account>#<currency>`). */
export function sortBalances(balances: Balance[]): Balance[] {
  return balances.sort((a, b) => {
    const ka = balanceKey(a.account, a.currency);
    const kb = balanceKey(b.account, b.currency);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * Sum of all balances per currency. For a ledger of balanced entries every value is zero: this
 * is the trial balance a reconciliation or a test checks.
 */
export function totalsByCurrency(balances: Iterable<Balance>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const b of balances) totals.set(b.currency, (totals.get(b.currency) ?? 0) + b.amount);
  return totals;
}

/**
 * Net effect of an entry per (account, currency), zero nets included. Storage writes one balance
 * update per key (a transaction may not touch one item twice), so repeated accounts are merged.
 */
export function netPostings(entry: JournalEntry): Balance[] {
  return balancesFrom([entry]);
}

/**
 * Whether two entries with the same id move the same money for the same merchant: same merchant
 * and the same postings as a multiset (order is presentation, not meaning).
 */
export function sameEffect(a: JournalEntry, b: JournalEntry): boolean {
  if (a.id !== b.id || a.merchantId !== b.merchantId || a.postings.length !== b.postings.length) return false;
  const norm = (e: JournalEntry): string[] => e.postings.map((p) => `${balanceKey(p.account, p.currency)}=${p.amount}`).sort();
  const na = norm(a);
  const nb = norm(b);
  return na.every((v, i) => v === nb[i]);
}
