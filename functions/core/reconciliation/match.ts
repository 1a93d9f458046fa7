import type { Discrepancy, DiscrepancyKind, LedgerRecord, Match, ProcessorRecord, ReconciliationResult } from './types.js';

export type ReconcileInput = {
  /** The processor's records whose `at` falls in the window (the adapter fetched exactly that). */
  readonly processor: readonly ProcessorRecord[];
  /**
   * Ledger records of the window widened by `late_after_ms` on both sides, so a record posted
   * just across the boundary matches (as `late` if far apart) instead of looking missing.
   */
  readonly ledger: readonly LedgerRecord[];
  /** Epoch ms, [from, to). */
  readonly window: { readonly from: number; readonly to: number };
  /** Ledger entries younger than this before `to` are not yet expected at the processor. */
  readonly grace_ms: number;
  /** A matched pair further apart than this is reported `late`. */
  readonly late_after_ms: number;
};

const keyOf = (source: string, reference: string): string => `${source}\u0000${reference}`;

function finding(kind: DiscrepancyKind, source: string, reference: string | null, merchant: string | null, detail: string, extra: { processor?: ProcessorRecord; ledger?: LedgerRecord }): Discrepancy {
  // Stable id: same finding in an overlapping run → same id → announced once.
  const who = extra.processor?.id ?? extra.ledger?.entry_id ?? '';
  return { id: `${kind}:${source}:${reference ?? '-'}:${who}`, kind, source, reference, merchant_id: merchant, detail, ...extra };
}

/**
 * Matches processor records to ledger entries by (source, reference) and classifies what does
 * not line up. For one reference the first processor record (by time, then id) is the match; any
 * further one is a `duplicate` (the processor moved the money twice). A matched pair with a
 * different amount or currency is an `amount_mismatch`; one whose times differ by more than
 * `late_after_ms` is `late`. A ledger entry in the window with nothing at the processor is
 * `missing_at_processor` once it is older than the grace period. Pure and deterministic.
 */
export function reconcile(input: ReconcileInput): ReconciliationResult {
  const { window: w } = input;
  const ledgerBy = new Map<string, LedgerRecord>();
  for (const l of [...input.ledger].sort((a, b) => a.at - b.at || (a.entry_id < b.entry_id ? -1 : 1))) {
    const k = keyOf(l.source, l.reference);
    if (!ledgerBy.has(k)) ledgerBy.set(k, l);
  }
  const matched: Match[] = [];
  const discrepancies: Discrepancy[] = [];
  const used = new Set<string>();
  const procs = [...input.processor].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (const p of procs) {
    const merchant = p.merchant_id ?? null;
    if (p.reference === undefined) {
      discrepancies.push(finding('missing_in_ledger', p.source, null, merchant, `${p.source} record ${p.id} carries no reference of ours`, { processor: p }));
      continue;
    }
    const k = keyOf(p.source, p.reference);
    const l = ledgerBy.get(k);
    if (!l) {
      discrepancies.push(finding('missing_in_ledger', p.source, p.reference, merchant, `${p.source} moved ${p.amount} ${p.currency} for ${p.reference}; no ledger entry`, { processor: p }));
      continue;
    }
    if (used.has(k)) {
      discrepancies.push(finding('duplicate', p.source, p.reference, l.merchant_id, `${p.source} record ${p.id} repeats ${p.reference}`, { processor: p, ledger: l }));
      continue;
    }
    used.add(k);
    if (p.amount !== l.amount || p.currency !== l.currency) {
      discrepancies.push(finding('amount_mismatch', p.source, p.reference, l.merchant_id, `${p.source} ${p.amount} ${p.currency} vs ledger ${l.amount} ${l.currency}`, { processor: p, ledger: l }));
      continue;
    }
    if (Math.abs(p.at - l.at) > input.late_after_ms) {
      discrepancies.push(finding('late', p.source, p.reference, l.merchant_id, `ledger and ${p.source} ${Math.round(Math.abs(p.at - l.at) / 60_000)} min apart`, { processor: p, ledger: l }));
      continue;
    }
    matched.push({ processor: p, ledger: l });
  }
  for (const [k, l] of ledgerBy) {
    if (used.has(k) || l.at < w.from || l.at >= w.to - input.grace_ms) continue;
    discrepancies.push(finding('missing_at_processor', l.source, l.reference, l.merchant_id, `ledger entry ${l.entry_id} (${l.amount} ${l.currency}) has no ${l.source} record`, { ledger: l }));
  }
  return { matched, discrepancies };
}

/** Counts per kind (every kind present, zero when none): the report's `discrepancies` summary. */
export function countByKind(ds: readonly Discrepancy[]): Record<DiscrepancyKind, number> {
  const out: Record<DiscrepancyKind, number> = { missing_in_ledger: 0, missing_at_processor: 0, amount_mismatch: 0, duplicate: 0, late: 0 };
  for (const d of ds) out[d.kind]++;
  return out;
}
