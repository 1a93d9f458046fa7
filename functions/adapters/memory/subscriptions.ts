/** In-memory SubscriptionStore for unit tests; same conditions as the DynamoDB adapter. */
import type { Invoice, Subscription } from '../../core/billing/index.js';
import { SubscriptionConflictError, type SubscriptionStore } from '../../app/ports/subscription-store.js';

export class MemorySubscriptionStore implements SubscriptionStore {
  readonly subscriptions = new Map<string, Subscription>();
  readonly invoices = new Map<string, Invoice>();
  readonly counters = new Map<string, number>();

  async create(s: Subscription) {
    const existing = this.subscriptions.get(s.id);
    if (existing) return { created: false, subscription: existing };
    this.subscriptions.set(s.id, s);
    return { created: true, subscription: s };
  }
  async get(merchantId: string, id: string) {
    const s = this.subscriptions.get(id);
    return s?.merchant_id === merchantId ? s : undefined;
  }
  async update(next: Subscription) {
    if (this.subscriptions.get(next.id)?.version !== next.version - 1) throw new SubscriptionConflictError(next.id);
    this.subscriptions.set(next.id, next);
    return next;
  }
  async listDue(now: Date, limit: number) {
    return [...this.subscriptions.values()]
      .filter((s) => s.next_attempt_at !== null && s.status !== 'canceled' && s.status !== 'unpaid' && Date.parse(s.next_attempt_at) <= now.getTime())
      .sort((a, b) => a.next_attempt_at!.localeCompare(b.next_attempt_at!))
      .slice(0, limit);
  }
  async createInvoice(draft: Omit<Invoice, 'number'>, number: (seq: number) => string) {
    const existing = this.invoices.get(draft.id);
    if (existing) return existing;
    const seq = (this.counters.get(draft.merchant_id) ?? 0) + 1;
    this.counters.set(draft.merchant_id, seq);
    const inv: Invoice = { ...draft, number: number(seq) };
    this.invoices.set(inv.id, inv);
    return inv;
  }
  async getInvoice(merchantId: string, id: string) {
    const i = this.invoices.get(id);
    return i?.merchant_id === merchantId ? i : undefined;
  }
  async updateInvoice(next: Invoice) {
    if (this.invoices.get(next.id)?.version !== next.version - 1) throw new SubscriptionConflictError(next.id);
    this.invoices.set(next.id, next);
    return next;
  }
}
