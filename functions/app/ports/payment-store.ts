import type { EventDetail } from '../../contracts/events.js';
import type { AuditDraft } from '../../core/audit/index.js';
import type { Payment, PaymentStatus, Refund } from '../../core/payments/index.js';

/** Thrown when a conditional write lost to a concurrent writer: re-read and decide again. */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
  constructor(readonly paymentId: string) {
    super(`payment ${paymentId} was changed concurrently`);
  }
}

export interface PaymentWrite {
  /** Events announced by this change: written to the outbox in the same transaction. */
  readonly events?: readonly EventDetail[];
  /** Audit entries chained after the payment's audit head in the same transaction. */
  readonly audit?: readonly AuditDraft[];
  /** Refund records written (created or replaced) with the payment, atomically. */
  readonly refunds?: readonly Refund[];
}

export interface PaymentStore {
  /** Creates the payment unless its (deterministic) id exists; returns the stored one. */
  create(p: Payment, write?: PaymentWrite): Promise<{ created: boolean; payment: Payment }>;
  /**
   * Replaces the payment if its stored version is `next.version - 1` (optimistic concurrency),
   * with its outbox events and audit entries, all or nothing. The audit head advances.
   * @throws ConcurrentUpdateError
   */
  update(next: Payment, write?: PaymentWrite): Promise<Payment>;
  /** By id, for the saga and internal use. */
  getById(id: string): Promise<Payment | undefined>;
  /** By id for a merchant; another merchant's payment is `undefined` (never reveal existence). */
  get(merchantId: string, id: string): Promise<Payment | undefined>;
  getRefund(merchantId: string, id: string): Promise<Refund | undefined>;
  /** Payments still `processing` whose last change is older than `beforeIso` (oldest first). */
  listProcessingSince(beforeIso: string, limit: number): Promise<Payment[]>;
  /** The payment a processor knows by `reference` (PaymentIntent id, pspReference), for PSP webhooks. */
  findByProcessorReference(processor: string, reference: string): Promise<Payment | undefined>;
  list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined; status?: PaymentStatus | undefined }): Promise<{ data: Payment[]; hasMore: boolean }>;
}
