/**
 * Reconciliation vocabulary, shared by card reconciliation (Stripe balance transactions, Adyen
 * settlement details) and Pix reconciliation (API Pix `GET /pix`): every source is normalised into
 * the same record shape by its adapter, so one matcher serves them all.
 */

/** One money movement as the processor (or PSP) reports it. */
export type ProcessorRecord = {
  /** Connector id (`stripe`, `adyen`, a Pix PSP id). */
  readonly source: string;
  /** The processor's own id of this record (balance transaction id, modification reference, endToEndId). */
  readonly id: string;
  /**
   * What joins it to our books: our payment id for card captures, the endToEndId for Pix.
   * Absent when the processor record carries nothing we issued (then it is missing in the ledger).
   */
  readonly reference?: string;
  /** Gross amount in integer minor units. */
  readonly amount: number;
  readonly currency: string;
  /** Epoch ms. */
  readonly at: number;
  /** Merchant, when the source says so (metadata). */
  readonly merchant_id?: string;
};

/** One ledger entry as reconciliation sees it. */
export type LedgerRecord = {
  readonly entry_id: string;
  readonly source: string;
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly at: number;
  readonly merchant_id: string;
};

export const DISCREPANCY_KINDS = ['missing_in_ledger', 'missing_at_processor', 'amount_mismatch', 'duplicate', 'late'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export type Discrepancy = {
  /** Stable across runs for the same finding, so it is announced once. */
  readonly id: string;
  readonly kind: DiscrepancyKind;
  readonly source: string;
  readonly reference: string | null;
  readonly merchant_id: string | null;
  readonly processor?: ProcessorRecord;
  readonly ledger?: LedgerRecord;
  readonly detail: string;
};

export type Match = { readonly processor: ProcessorRecord; readonly ledger: LedgerRecord };

export type ReconciliationResult = {
  readonly matched: readonly Match[];
  readonly discrepancies: readonly Discrepancy[];
};
