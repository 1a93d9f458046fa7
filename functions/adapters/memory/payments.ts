/** In-memory PaymentStore with the DynamoDB adapter's semantics (versions, outbox, audit chain). */
import { ConcurrentUpdateError, type PaymentStore, type PaymentWrite } from '../../app/ports/payment-store.js';
import type { EventDetail } from '../../contracts/events.js';
import { chainEntries, headOf, type AuditEntry } from '../../core/audit/index.js';
import type { Payment, PaymentStatus, Refund } from '../../core/payments/index.js';

export class MemoryPaymentStore implements PaymentStore {
  readonly payments = new Map<string, Payment>();
  /** The outbox: every event written, in order; a duplicate id is dropped as the condition would. */
  readonly outbox: EventDetail[] = [];
  readonly audit = new Map<string, AuditEntry[]>();
  readonly refunds = new Map<string, Refund>();
  /** Test hook: runs before each write (e.g. to simulate a concurrent writer or a crash). */
  beforeWrite?: (p: Payment) => void;

  private apply(p: Payment, write?: PaymentWrite): Payment {
    this.beforeWrite?.(p);
    if (write?.events?.some((e) => this.outbox.some((o) => o.id === e.id))) throw new ConcurrentUpdateError(p.id);
    let next = p;
    if (write?.audit?.length) {
      const entries = chainEntries(p.audit_head.seq === 0 ? undefined : p.audit_head, write.audit);
      this.audit.set(p.id, [...(this.audit.get(p.id) ?? []), ...entries]);
      next = { ...p, audit_head: headOf(entries, p.audit_head) };
    }
    this.outbox.push(...(write?.events ?? []));
    for (const r of write?.refunds ?? []) this.refunds.set(r.id, structuredClone(r));
    this.payments.set(p.id, structuredClone(next));
    return next;
  }

  async create(p: Payment, write?: PaymentWrite): Promise<{ created: boolean; payment: Payment }> {
    const existing = this.payments.get(p.id);
    if (existing) return { created: false, payment: structuredClone(existing) };
    return { created: true, payment: this.apply(p, write) };
  }

  async update(next: Payment, write?: PaymentWrite): Promise<Payment> {
    const current = this.payments.get(next.id);
    if (!current || current.version !== next.version - 1) throw new ConcurrentUpdateError(next.id);
    return this.apply(next, write);
  }

  async getById(id: string): Promise<Payment | undefined> {
    const p = this.payments.get(id);
    return p && structuredClone(p);
  }

  async get(merchantId: string, id: string): Promise<Payment | undefined> {
    const p = await this.getById(id);
    return p && p.merchant_id === merchantId ? p : undefined;
  }

  async getRefund(merchantId: string, id: string): Promise<Refund | undefined> {
    const r = this.refunds.get(id);
    return r && r.merchant_id === merchantId ? structuredClone(r) : undefined;
  }

  async listProcessingSince(beforeIso: string, limit: number): Promise<Payment[]> {
    return [...this.payments.values()]
      .filter((p) => p.status === 'processing' && !p.processor_reference && p.updated < beforeIso)
      .sort((a, b) => a.updated.localeCompare(b.updated))
      .slice(0, limit)
      .map((p) => structuredClone(p));
  }

  async findByProcessorReference(processor: string, reference: string): Promise<Payment | undefined> {
    const p = [...this.payments.values()].find((x) => x.processor === processor && x.processor_reference === reference);
    return p && structuredClone(p);
  }

  async list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined; status?: PaymentStatus | undefined }): Promise<{ data: Payment[]; hasMore: boolean }> {
    const all = [...this.payments.values()]
      .filter((p) => p.merchant_id === merchantId && (!opts.status || p.status === opts.status))
      .sort((a, b) => (b.created + b.id).localeCompare(a.created + a.id));
    const start = opts.startingAfter ? all.findIndex((p) => p.id === opts.startingAfter) + 1 : 0;
    const page = all.slice(start, start + opts.limit + 1);
    return { data: page.slice(0, opts.limit).map((p) => structuredClone(p)), hasMore: page.length > opts.limit };
  }
}
