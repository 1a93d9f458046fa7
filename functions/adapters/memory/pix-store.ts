/** In-memory {@link PixStore} with the DynamoDB adapter's semantics (conditional creates, indexes). */
import type { EventDetail } from '../../contracts/events.js';
import type { PendingPixRefund, PixChargeRecord, PixStore, ReceivedPixRecord } from '../../app/ports/pix-store.js';
import type { Sealed } from '../../app/ports/vault.js';

export class MemoryPixStore implements PixStore {
  readonly charges = new Map<string, PixChargeRecord>();
  readonly received = new Map<string, ReceivedPixRecord>();
  readonly callbacks: Array<{ id: string; received: string; sealed: Sealed }> = [];
  readonly pendingRefunds = new Map<string, PendingPixRefund>();
  readonly outbox: EventDetail[] = [];

  async createCharge(c: PixChargeRecord) {
    const existing = this.charges.get(c.payment_id);
    if (existing) return { created: false, charge: structuredClone(existing) };
    this.charges.set(c.payment_id, structuredClone(c));
    return { created: true, charge: c };
  }
  async putCharge(c: PixChargeRecord) {
    this.charges.set(c.payment_id, structuredClone(c));
  }
  async getChargeByTxid(txid: string) {
    const c = [...this.charges.values()].find((x) => x.txid === txid);
    return c && structuredClone(c);
  }
  async getChargeByPayment(paymentId: string) {
    const c = this.charges.get(paymentId);
    return c && structuredClone(c);
  }
  async listExpiredActive(at: string, limit: number) {
    return [...this.charges.values()]
      .filter((c) => c.status === 'active' && c.expires_at < at)
      .sort((a, b) => a.expires_at.localeCompare(b.expires_at))
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }
  async claimReceived(r: ReceivedPixRecord) {
    const existing = this.received.get(r.end_to_end_id);
    if (existing) return { created: false, record: structuredClone(existing) };
    this.received.set(r.end_to_end_id, structuredClone(r));
    return { created: true, record: r };
  }
  async putReceived(r: ReceivedPixRecord) {
    this.received.set(r.end_to_end_id, structuredClone(r));
  }
  async getReceived(endToEndId: string) {
    const r = this.received.get(endToEndId);
    return r && structuredClone(r);
  }
  async listReceived(from: string, to: string) {
    return [...this.received.values()]
      .filter((r) => r.paid_at >= from && r.paid_at <= to)
      .sort((a, b) => a.paid_at.localeCompare(b.paid_at) || a.end_to_end_id.localeCompare(b.end_to_end_id))
      .map((r) => structuredClone(r));
  }
  async recordCallback(c: { id: string; received: string; sealed: Sealed }) {
    this.callbacks.push(structuredClone(c));
  }
  async addPendingRefund(r: PendingPixRefund) {
    this.pendingRefunds.set(r.refund_id, { ...r });
  }
  async removePendingRefund(refundId: string) {
    this.pendingRefunds.delete(refundId);
  }
  async listPendingRefunds(limit: number) {
    return [...this.pendingRefunds.values()].sort((a, b) => a.created.localeCompare(b.created)).slice(0, limit);
  }
  async emit(events: readonly EventDetail[]) {
    for (const e of events) if (!this.outbox.some((o) => o.id === e.id)) this.outbox.push(structuredClone(e));
  }
}
