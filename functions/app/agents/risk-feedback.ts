/**
 * The risk agent's learning half, fed by events:
 * - `payment.succeeded` / `payment.failed`: score the payment against the history as it was
 *   before it (the features a label will later teach with), append it to its entity records, and
 *   nudge the review threshold toward the target review rate;
 * - `risk.label`: one `learn` step of the model, the decline threshold toward the false-positive
 *   budget (legit labels), and the agent's trust score.
 * Every write is conditional (versions, once-per-payment marks) and retried on conflict, so a
 * redelivered event changes nothing and concurrent consumers lose nothing.
 */
import type { EventDetail } from '../../contracts/events.js';
import { afterDecision, afterLegitLabel, entityKeys, learn, recordPayment, updateTrust, type TrustEvent } from '../../core/risk/index.js';
import { freshModel, riskRequestOf, score, type AgentRiskOptions, type RiskSubject } from '../decisions/agent-risk.js';
import { RiskAlreadyAppliedError, RiskStoreConflictError, type RiskStore } from '../ports/risk-store.js';
import type { SerialLanes } from './lanes.js';

const MAX_TRIES = 12;
export type RiskFeedbackResult = 'applied' | 'duplicate' | 'ignored';

export const LABELS = ['fraud', 'legit'] as const;
export const LABEL_SOURCES = ['chargeback', 'med', 'confirmed_fraud', 'review'] as const;
export type RiskLabel = { readonly payment_id: string; readonly label: (typeof LABELS)[number]; readonly source: (typeof LABEL_SOURCES)[number] };

async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof RiskStoreConflictError) || i + 1 >= MAX_TRIES) throw err;
      // Linear backoff, staggered by how often this caller already lost.
      await new Promise((r) => setTimeout(r, Math.min(200, 3 * (i + 1) * (i + 1))));
    }
  }
}

/** The risk facts of a payment event's object (the public Payment view). */
export function subjectOfView(o: Record<string, unknown>, merchantId: string): RiskSubject | undefined {
  const pm = o['payment_method'] as { type?: string; card?: { fingerprint?: string } } | undefined;
  if (typeof o['id'] !== 'string' || typeof o['amount'] !== 'number' || typeof o['currency'] !== 'string' || !pm?.type) return undefined;
  return {
    id: o['id'], merchant_id: merchantId, amount: o['amount'], currency: o['currency'], method: pm.type,
    ...(typeof o['agent_id'] === 'string' ? { agent_id: o['agent_id'] } : {}),
    ...(pm.card?.fingerprint ? { card_fingerprint: pm.card.fingerprint } : {}),
  };
}

/**
 * One read (entity records, trust and model in one BatchGetItem) and one transaction (features,
 * entity records and the model's review threshold, each conditional on what was read) per
 * outcome. With `lanes` (the consumer's process), outcomes are applied one after another: every
 * transaction writes the model item, so concurrent ones in a process would only conflict.
 */
export async function recordPaymentOutcome(detail: EventDetail, deps: { store: RiskStore; options?: AgentRiskOptions; lanes?: SerialLanes }): Promise<RiskFeedbackResult> {
  const subject = subjectOfView(detail.data.object, detail.merchant_id);
  if (!subject) return 'ignored';
  const at = new Date(String(detail.data.object['created'] ?? detail.created));
  const req = riskRequestOf(subject, at);
  const keys = entityKeys(req);
  const record = async (): Promise<RiskFeedbackResult> => {
    try {
      await retrying(async () => {
        const r = await deps.store.read(keys, req.agent_id, { withModel: true, consistent: true });
        const cur = r.model ?? { ...freshModel(), version: 0 };
        const a = score(req, r.snapshot, cur, deps.options ?? {}, at.getTime());
        await deps.store.recordScored(
          keys, r, recordPayment(r.snapshot, req, at.getTime()), { payment_id: subject.id, agent_id: req.agent_id, features: a.features, logit: a.logit, at: at.getTime() },
          { next: { model: cur.model, thresholds: afterDecision(cur.thresholds, a.logit) }, expectedVersion: cur.version },
        );
      });
      return 'applied';
    } catch (err) {
      if (err instanceof RiskAlreadyAppliedError) return 'duplicate';
      throw err;
    }
  };
  return deps.lanes ? deps.lanes.run('risk-model', record) : record();
}

/** How strongly a label moves the agent's trust (core/risk/trust.ts weights). */
export function trustEventOf(l: RiskLabel): TrustEvent {
  if (l.source === 'review') return l.label === 'fraud' ? 'review_declined' : 'review_approved';
  if (l.label === 'legit') return 'legit';
  return l.source === 'chargeback' ? 'chargeback' : 'fraud';
}

export async function learnFromLabel(label: RiskLabel, deps: { store: RiskStore; now: Date; lanes?: SerialLanes }): Promise<RiskFeedbackResult> {
  // Labels write the model too: in the outcomes' lane, so neither makes the other retry.
  return deps.lanes ? deps.lanes.run('risk-model', () => learn1(label, deps)) : learn1(label, deps);
}

async function learn1(label: RiskLabel, deps: { store: RiskStore; now: Date }): Promise<RiskFeedbackResult> {
  const scored = await deps.store.getScored(label.payment_id);
  // Not scored (yet): the payment's outcome event has not been processed; the bus retries us.
  if (!scored) throw new Error(`no risk features recorded for ${label.payment_id} yet`);
  if (scored.label !== undefined) return 'duplicate';
  try {
    await retrying(async () => {
      const m = (await deps.store.loadModel()) ?? { ...freshModel(), version: 0 };
      const r = await deps.store.read({ agent: `agent:${scored.agent_id}` }, scored.agent_id, { withModel: false, consistent: true });
      const y = label.label === 'fraud' ? 1 : 0;
      await deps.store.learnLabel({
        scored, label: label.label, modelVersion: m.version, trustVersion: r.versions[`trust:${scored.agent_id}`] ?? 0,
        model: { model: learn(m.model, scored.features, y), thresholds: y === 0 ? afterLegitLabel(m.thresholds, scored.logit) : m.thresholds },
        trust: updateTrust(r.snapshot.trust, trustEventOf(label), deps.now.getTime()),
      });
    });
    return 'applied';
  } catch (err) {
    if (err instanceof RiskAlreadyAppliedError) return 'duplicate';
    throw err;
  }
}
