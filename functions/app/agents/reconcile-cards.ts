/**
 * The reconciliation agent for cards: pulls each processor's records for a window, matches them
 * to the ledger's capture entries (the pure core matcher, shared with Pix), stores a report and
 * announces one `reconciliation.discrepancy` event per finding through the outbox. Event ids
 * derive from the finding, so the hourly overlapping runs announce each discrepancy once.
 */
import { buildEvent } from '../events.js';
import { deterministicId } from '../../core/ids.js';
import { countByKind, reconcile, type Discrepancy, type ProcessorRecord } from '../../core/reconciliation/index.js';
import type { EventOutbox } from '../ports/event-outbox.js';
import type { LedgerRecordSource, ProcessorRecordSource, ReconciliationReport, ReconciliationReports, Window } from '../ports/reconciliation.js';

export interface ReconcileDeps {
  readonly sources: readonly ProcessorRecordSource[];
  readonly ledger: LedgerRecordSource;
  /** Absent: report only (the CLI). */
  readonly outbox?: EventOutbox;
  readonly reports?: ReconciliationReports;
  readonly now: Date;
}

export const GRACE_MS = 15 * 60_000;
export const LATE_AFTER_MS = 6 * 3_600_000;

export async function reconcileCards(window: Window, deps: ReconcileDeps): Promise<ReconciliationReport> {
  const processor: ProcessorRecord[] = [];
  for (const s of deps.sources) processor.push(...(await s.list(window)));
  const widened = { from: new Date(window.from.getTime() - LATE_AFTER_MS), to: new Date(window.to.getTime() + LATE_AFTER_MS) };
  const ids = new Set(deps.sources.map((s) => s.id));
  const ledger = (await deps.ledger.cardCaptures(widened)).filter((l) => ids.has(l.source));
  const r = reconcile({ processor, ledger, window: { from: window.from.getTime(), to: window.to.getTime() }, grace_ms: GRACE_MS, late_after_ms: LATE_AFTER_MS });
  const report: ReconciliationReport = {
    id: deterministicId('rcn', 'cards', window.from.toISOString(), window.to.toISOString()),
    from: window.from.toISOString(), to: window.to.toISOString(), sources: [...ids],
    matched: r.matched.length,
    discrepancies: { total: r.discrepancies.length, by_kind: countByKind(r.discrepancies) },
    items: r.discrepancies, created: deps.now.toISOString(),
  };
  if (deps.outbox) await deps.outbox.emit(r.discrepancies.map((d) => discrepancyEvent(d, deps.now)));
  await deps.reports?.save(report);
  return report;
}

/** The public event: the finding without internal ledger ids' surroundings. */
export function discrepancyEvent(d: Discrepancy, at: Date) {
  const id = deterministicId('rcd', d.id);
  return buildEvent({
    type: 'reconciliation.discrepancy', merchantId: d.merchant_id ?? 'platform', at, dedupeKey: d.id,
    object: {
      object: 'reconciliation_discrepancy', id, kind: d.kind, source: d.source, reference: d.reference, detail: d.detail,
      processor_record: d.processor ? { id: d.processor.id, amount: d.processor.amount, currency: d.processor.currency, at: new Date(d.processor.at).toISOString() } : null,
      ledger_entry: d.ledger ? { id: d.ledger.entry_id, amount: d.ledger.amount, currency: d.ledger.currency, at: new Date(d.ledger.at).toISOString() } : null,
    },
  });
}
