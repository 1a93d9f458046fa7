/** In-memory TriggerStore for unit tests. */
import type { Trigger } from '../../core/triggers/index.js';
import type { TriggerFiring, TriggerStore } from '../../app/ports/trigger-store.js';

export class MemoryTriggerStore implements TriggerStore {
  readonly triggers = new Map<string, Trigger>();
  readonly firings = new Map<string, TriggerFiring>();

  async create(t: Trigger) {
    const existing = this.triggers.get(t.id);
    if (existing) return existing;
    this.triggers.set(t.id, t);
    return t;
  }
  async get(merchantId: string, id: string) {
    const t = this.triggers.get(id);
    return t?.merchant_id === merchantId ? t : undefined;
  }
  async list(merchantId: string) {
    return [...this.triggers.values()].filter((t) => t.merchant_id === merchantId).sort((a, b) => a.created.localeCompare(b.created));
  }
  async update(t: Trigger) {
    this.triggers.set(t.id, t);
    return t;
  }
  async getFiring(triggerId: string, eventId: string) {
    return this.firings.get(`${triggerId}/${eventId}`);
  }
  async recordFiring(f: TriggerFiring) {
    const k = `${f.trigger_id}/${f.event_id}`;
    const existing = this.firings.get(k);
    if (existing) return existing;
    this.firings.set(k, f);
    return f;
  }
  async isTriggerResult(objectId: string) {
    return [...this.firings.values()].some((f) => 'id' in f.result && f.result.id === objectId);
  }
}
