/**
 * Payout batches and their items (API.md "Payouts"). Amounts are integer centavos; a batch moves
 * `scheduled → running → completed | completed_with_errors`, may be `paused` and resumed, or
 * `canceled` (items not yet paid become `canceled`). Items move `pending → processing → paid |
 * failed` (or `pending → canceled`); every move is a conditional write, so an item pays at most once.
 */
export type PayoutBatchStatus = 'scheduled' | 'running' | 'paused' | 'canceled' | 'completed' | 'completed_with_errors';
export type PayoutItemStatus = 'pending' | 'processing' | 'paid' | 'failed' | 'canceled';

/** Why an item failed: validation at creation, or the PSP's answer while paying. */
export type PayoutFailureCode =
  | 'invalid_pix_key'
  | 'invalid_amount'
  | 'invalid_currency'
  | 'duplicate_reference'
  | 'key_not_found'
  | 'rejected_by_psp'
  | 'psp_unavailable';

export interface PayoutFailure {
  readonly code: PayoutFailureCode;
  readonly message: string;
}

export interface PayoutCounts {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly canceled: number;
  readonly pending: number;
}

export interface PayoutBatch {
  readonly id: string;
  readonly merchantId: string;
  readonly status: PayoutBatchStatus;
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly canceled: number;
  /** Sum of the valid items' amounts (centavos). */
  readonly amount: number;
  readonly currency: 'brl';
  readonly scheduledFor?: string;
  /** How many executions were started for this batch (names `<id>-<n>`); a resume starts the next. */
  readonly runs: number;
  readonly executionRef?: string;
  readonly created: string;
  readonly updated: string;
  readonly completedAt?: string;
}

export interface PayoutItem {
  readonly id: string;
  readonly batchId: string;
  readonly merchantId: string;
  /** 0-based position in the request. */
  readonly seq: number;
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  /** The destination key masked for display (`********9876`); the key itself is sealed in the vault. */
  readonly keyMasked: string;
  readonly keyType?: string;
  readonly status: PayoutItemStatus;
  readonly failure?: PayoutFailure;
  readonly endToEndId?: string;
  readonly paidAt?: string;
  readonly updated: string;
}
