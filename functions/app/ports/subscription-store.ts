/**
 * Subscriptions and their invoices. Subscription writes are optimistic (version), invoices are
 * created once per (subscription, period) and numbered from a per-merchant counter advanced by a
 * conditional write in the same transaction as the invoice: numbers never repeat and never skip.
 */
import type { Invoice, Subscription } from '../../core/billing/index.js';

/** A conditional write lost to a concurrent writer: re-read and decide again. */
export class SubscriptionConflictError extends Error {
  override readonly name = 'SubscriptionConflictError';
  constructor(readonly id: string) {
    super(`${id} was changed concurrently`);
  }
}

export interface SubscriptionStore {
  /** Creates it unless its (deterministic) id exists; returns the stored one. */
  create(s: Subscription): Promise<{ created: boolean; subscription: Subscription }>;
  get(merchantId: string, id: string): Promise<Subscription | undefined>;
  /** Replaces it if the stored version is `next.version - 1`. @throws SubscriptionConflictError */
  update(next: Subscription): Promise<Subscription>;
  /** Subscriptions whose `next_attempt_at` ≤ `now`, oldest first. */
  listDue(now: Date, limit: number): Promise<Subscription[]>;
  /**
   * The invoice `draft` stands for (same id), numbered `number(seq)` with the merchant's next
   * sequence if it does not exist yet; an existing invoice is returned unchanged.
   */
  createInvoice(draft: Omit<Invoice, 'number'>, number: (seq: number) => string): Promise<Invoice>;
  getInvoice(merchantId: string, id: string): Promise<Invoice | undefined>;
  /** @throws SubscriptionConflictError */
  updateInvoice(next: Invoice): Promise<Invoice>;
}
