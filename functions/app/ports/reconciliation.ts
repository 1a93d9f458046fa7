/**
 * Reconciliation ports: where processor records come from (one source per connector, normalised
 * by its adapter), what the ledger holds for the same window, and where reports go.
 */
import type { Discrepancy, DiscrepancyKind, LedgerRecord, ProcessorRecord } from '../../core/reconciliation/index.js';

export type Window = { readonly from: Date; readonly to: Date };

export interface ProcessorRecordSource {
  /** Connector id, equal to the `source` of the records it returns. */
  readonly id: string;
  /** Captures/credits whose processor time is in [from, to). */
  list(window: Window): Promise<ProcessorRecord[]>;
}

export interface LedgerRecordSource {
  /** Card capture entries of every merchant created in [from, to). A batch read, never on the payment path. */
  cardCaptures(window: Window): Promise<LedgerRecord[]>;
}

export type ReconciliationReport = {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly sources: readonly string[];
  readonly matched: number;
  readonly discrepancies: { readonly total: number; readonly by_kind: Record<DiscrepancyKind, number> };
  readonly items: readonly Discrepancy[];
  readonly created: string;
};

export interface ReconciliationReports {
  save(report: ReconciliationReport): Promise<void>;
}
