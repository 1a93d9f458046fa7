/**
 * The risk agent behind the saga's `RiskAssessor` port: the request's entity records, the agent's
 * trust and (when the cached copy is stale) the model with its thresholds, read in one
 * BatchGetItem; then the pure `assessRisk` (online logistic model, adaptive thresholds, explicit
 * rules, AML name screening). Nothing is written here: the RiskAgent consumer records the payment
 * once its outcome is known, off the payment path.
 */
import {
  assessRisk, entityKeys, INITIAL_THRESHOLDS, newModel,
  type FeatureConfig, type RiskRequest, type RiskRules, type RiskAssessment, type RiskSnapshot,
} from '../../core/risk/index.js';
import type { Payment, RiskDecision } from '../../core/payments/index.js';
import type { RiskAssessor } from '../ports/decisions.js';
import type { RiskModelState, RiskStore } from '../ports/risk-store.js';

export interface AgentRiskOptions {
  readonly rules?: RiskRules;
  readonly featureConfig?: FeatureConfig;
  /** How long the model item is reused before it is fetched again with the entity records. Default 30 000 ms. */
  readonly modelCacheMs?: number;
}

/** The facts of a payment risk looks at, from the stored payment or its public view. */
export type RiskSubject = {
  readonly id: string; readonly merchant_id: string; readonly amount: number; readonly currency: string; readonly method: string;
  readonly agent_id?: string; readonly card_fingerprint?: string; readonly counterparty_name?: string;
};

/** Merchant payments have no agent: the merchant's own traffic is profiled as its "agent". */
export const riskAgentId = (s: Pick<RiskSubject, 'agent_id' | 'merchant_id'>): string => s.agent_id ?? `merchant:${s.merchant_id}`;

/** `customerName` comes from the saga's transient context: the stored payment holds it sealed only. */
export function riskSubjectOf(p: Payment, customerName?: string): RiskSubject {
  const name = customerName;
  return {
    id: p.id, merchant_id: p.merchant_id, amount: p.amount, currency: p.currency, method: p.payment_method.type,
    ...(p.agent_id ? { agent_id: p.agent_id } : {}),
    ...(p.payment_method.type === 'card' ? { card_fingerprint: p.payment_method.fingerprint } : {}),
    ...(name ? { counterparty_name: name } : {}),
  };
}

export function riskRequestOf(s: RiskSubject, at: Date, processorRiskScore?: number): RiskRequest {
  return {
    id: s.id, at: at.toISOString(), agent_id: riskAgentId(s), merchant_id: s.merchant_id, amount: s.amount, currency: s.currency, method: s.method,
    ...(s.card_fingerprint ? { card_fingerprint: s.card_fingerprint } : {}),
    ...(s.counterparty_name ? { counterparty_name: s.counterparty_name } : {}),
    ...(processorRiskScore !== undefined ? { processor_risk_score: processorRiskScore } : {}),
  };
}

/** The model to score with when none has been stored yet: the domain priors. */
export const freshModel = (): Omit<RiskModelState, 'version'> => ({ model: newModel(), thresholds: INITIAL_THRESHOLDS });

/** Shared by the assessor and the consumer, so both score a payment the same way. */
export function score(req: RiskRequest, snapshot: RiskSnapshot, m: Omit<RiskModelState, 'version'>, opts: AgentRiskOptions, now: number): RiskAssessment {
  return assessRisk({
    request: req, snapshot, model: m.model, thresholds: m.thresholds, now,
    ...(opts.rules ? { rules: opts.rules } : {}), ...(opts.featureConfig ? { feature_config: opts.featureConfig } : {}),
  });
}

export class AgentRiskAssessor implements RiskAssessor {
  private model: { state: Omit<RiskModelState, 'version'>; at: number } | undefined;

  constructor(private readonly store: RiskStore, private readonly opts: AgentRiskOptions = {}) {}

  async assess(p: Payment, signals: { readonly now: Date; readonly processorRiskScore?: number; readonly customer?: { readonly name?: string } }): Promise<RiskDecision> {
    const now = signals.now.getTime();
    const req = riskRequestOf(riskSubjectOf(p, signals.customer?.name), signals.now, signals.processorRiskScore);
    const stale = this.model === undefined || now - this.model.at < 0 || now - this.model.at >= (this.opts.modelCacheMs ?? 30_000);
    const r = await this.store.read(entityKeys(req), req.agent_id, { withModel: stale });
    if (stale) this.model = { state: r.model ?? this.model?.state ?? freshModel(), at: now };
    const a = score(req, r.snapshot, this.model!.state, this.opts, now);
    const d: RiskDecision = { score: a.decision.score, outcome: a.decision.outcome, reasons: a.decision.reasons };
    // `rules` (the explicit rules that acted, e.g. an AML match) is an extension of decision.risk.
    return a.decision.rules.length > 0 ? Object.assign(d, { rules: a.decision.rules }) : d;
  }
}
