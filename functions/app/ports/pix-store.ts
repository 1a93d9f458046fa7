/**
 * What the platform keeps about Pix (DESIGN.md §4 "Platform table … Pix charges (GSIs by txid and
 * endToEndId)"): the charge behind each Pix payment, every Pix received (one record per
 * endToEndId, created by a conditional write: the idempotency of crediting), the raw PSP
 * callbacks (sealed: they carry payer data), pending devoluções to poll, and outbox events that
 * belong to no payment (reconciliation). Implemented by adapters/dynamodb/pix-store.ts and
 * adapters/memory/pix-store.ts.
 */
import type { EventDetail } from '../../contracts/events.js';
import type { Sealed } from './vault.js';

/** `active` until paid (`completed`), removed by us (`canceled`) or past `expires_at` (`expired`). */
export type PixChargeState = 'active' | 'completed' | 'canceled' | 'expired';

export interface PixChargeRecord {
  readonly txid: string;
  readonly payment_id: string;
  readonly merchant_id: string;
  readonly amount: number;
  readonly status: PixChargeState;
  readonly brcode: string;
  readonly expires_at: string;
  readonly created: string;
  readonly updated: string;
  readonly description?: string;
  /** The Pix that paid it (confirmed with the PSP). */
  readonly end_to_end_id?: string;
  readonly paid_at?: string;
}

/**
 * One Pix received on our key. `pending` = claimed, crediting under way (a crash resumes it);
 * `credited` = ledger + payment done; `unmatched` = confirmed but no charge of ours has its txid;
 * `amount_mismatch` = confirmed for a charge of another amount (a discrepancy, never a success).
 */
export type ReceivedPixState = 'pending' | 'credited' | 'unmatched' | 'amount_mismatch' | 'late';

export interface ReceivedPixRecord {
  readonly end_to_end_id: string;
  readonly txid?: string;
  readonly amount: number;
  readonly paid_at: string;
  readonly status: ReceivedPixState;
  readonly merchant_id?: string;
  readonly payment_id?: string;
  readonly received: string;
}

/** A devolução sent to the PSP whose final status we still wait for. */
export interface PendingPixRefund {
  readonly refund_id: string;
  readonly merchant_id: string;
  readonly end_to_end_id: string;
  readonly created: string;
}

export interface PixStore {
  /** Creates the charge record unless one exists for its payment; returns the stored one. */
  createCharge(c: PixChargeRecord): Promise<{ created: boolean; charge: PixChargeRecord }>;
  /** Replaces the charge record; a charge no longer `active` leaves the open-charges index. */
  putCharge(c: PixChargeRecord): Promise<void>;
  getChargeByTxid(txid: string): Promise<PixChargeRecord | undefined>;
  getChargeByPayment(paymentId: string): Promise<PixChargeRecord | undefined>;
  /** Active charges whose `expires_at` is before `at`, oldest first. */
  listExpiredActive(at: string, limit: number): Promise<PixChargeRecord[]>;

  /** The conditional write per endToEndId: `created: false` returns the record already there. */
  claimReceived(r: ReceivedPixRecord): Promise<{ created: boolean; record: ReceivedPixRecord }>;
  putReceived(r: ReceivedPixRecord): Promise<void>;
  getReceived(endToEndId: string): Promise<ReceivedPixRecord | undefined>;
  /** Received Pix whose `paid_at` is within [from, to], oldest first (reconciliation). */
  listReceived(from: string, to: string): Promise<ReceivedPixRecord[]>;

  /** Keeps a PSP callback as received (sealed), for forensics; expires after 90 days. */
  recordCallback(c: { id: string; received: string; sealed: Sealed }): Promise<void>;

  addPendingRefund(r: PendingPixRefund): Promise<void>;
  removePendingRefund(refundId: string): Promise<void>;
  listPendingRefunds(limit: number): Promise<PendingPixRefund[]>;

  /** Outbox events that belong to no payment write; a duplicate event id is dropped. */
  emit(events: readonly EventDetail[]): Promise<void>;
}
