/** In-memory RiskStore with the DynamoDB adapter's version and once-only semantics (unit tests). */
import type { RiskSnapshot } from '../../core/risk/index.js';
import {
  RiskAlreadyAppliedError, RiskStoreConflictError,
  type RiskKeys, type RiskModelState, type RiskStore, type ScoredFeatures, type VersionedSnapshot,
} from '../../app/ports/risk-store.js';

type Rec = { data: unknown; version: number };
const ENTITIES = ['agent', 'card', 'device', 'ip', 'pix_key'] as const;

export class MemoryRiskStore implements RiskStore {
  readonly records = new Map<string, Rec>();
  readonly scored = new Map<string, ScoredFeatures>();
  model?: RiskModelState;
  reads = 0;

  async read(keys: RiskKeys, agentId: string, opts: { withModel: boolean }): Promise<VersionedSnapshot & { model?: RiskModelState }> {
    this.reads++;
    const snapshot: Record<string, unknown> = {};
    const versions: Record<string, number> = {};
    for (const name of ENTITIES) {
      const k = keys[name];
      if (k === undefined) continue;
      const r = this.records.get(k);
      versions[k] = r?.version ?? 0;
      if (r) snapshot[name] = structuredClone(r.data);
    }
    const t = this.records.get(`trust:${agentId}`);
    versions[`trust:${agentId}`] = t?.version ?? 0;
    if (t) snapshot['trust'] = structuredClone(t.data);
    return { snapshot: snapshot as RiskSnapshot, versions, ...(opts.withModel && this.model ? { model: structuredClone(this.model) } : {}) };
  }

  async recordScored(keys: RiskKeys, read: VersionedSnapshot, next: RiskSnapshot, scored: ScoredFeatures, model?: Parameters<RiskStore['recordScored']>[4]): Promise<void> {
    if (this.scored.has(scored.payment_id)) throw new RiskAlreadyAppliedError(scored.payment_id);
    if (model && (this.model?.version ?? 0) !== model.expectedVersion) throw new RiskStoreConflictError('model');
    for (const name of ENTITIES) {
      const k = keys[name];
      if (k !== undefined && (this.records.get(k)?.version ?? 0) !== (read.versions[k] ?? 0)) throw new RiskStoreConflictError(k);
    }
    for (const name of ENTITIES) {
      const k = keys[name];
      if (k !== undefined && next[name] !== undefined) this.records.set(k, { data: structuredClone(next[name]), version: (read.versions[k] ?? 0) + 1 });
    }
    this.scored.set(scored.payment_id, structuredClone(scored));
    if (model) this.model = structuredClone({ ...model.next, version: model.expectedVersion + 1 });
  }

  async getScored(paymentId: string): Promise<ScoredFeatures | undefined> {
    const s = this.scored.get(paymentId);
    return s && structuredClone(s);
  }

  async loadModel(): Promise<RiskModelState | undefined> {
    return this.model && structuredClone(this.model);
  }

  async saveModel(next: Omit<RiskModelState, 'version'>, expectedVersion: number): Promise<void> {
    if ((this.model?.version ?? 0) !== expectedVersion) throw new RiskStoreConflictError('model');
    this.model = structuredClone({ ...next, version: expectedVersion + 1 });
  }

  async learnLabel(a: Parameters<RiskStore['learnLabel']>[0]): Promise<void> {
    const s = this.scored.get(a.scored.payment_id);
    if (!s || s.label !== undefined) throw new RiskAlreadyAppliedError(a.scored.payment_id);
    const tk = `trust:${a.scored.agent_id}`;
    if ((this.model?.version ?? 0) !== a.modelVersion || (this.records.get(tk)?.version ?? 0) !== a.trustVersion) throw new RiskStoreConflictError('model/trust');
    this.model = structuredClone({ ...a.model, version: a.modelVersion + 1 });
    this.records.set(tk, { data: structuredClone(a.trust), version: a.trustVersion + 1 });
    this.scored.set(s.payment_id, { ...s, label: a.label });
  }
}
