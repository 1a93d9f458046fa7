import { parseInstant } from '../risk/brt-time.js';
import { assessRisk } from '../risk/assess.js';
import { entityKeys, type RiskSnapshot } from '../risk/features.js';
import { recordPayment } from '../risk/history.js';
import { DEFAULT_MODEL_CONFIG, learn, newModel, type LogisticModel, type ModelConfig } from '../risk/model.js';
import type { RiskRules } from '../risk/rules.js';
import { afterDecision, afterLegitLabel, DEFAULT_THRESHOLD_CONFIG, INITIAL_THRESHOLDS, type ThresholdConfig, type ThresholdState } from '../risk/thresholds.js';
import { updateTrust, type TrustState } from '../risk/trust.js';
import type { Reason, RiskOutcome, RiskRequest } from '../risk/types.js';
import type { BacktestLine } from './backtest-line.js';
import { recallAtFpr, rocAuc } from './metrics.js';

export type BacktestOutput = { readonly id: string; readonly score: number; readonly outcome: RiskOutcome; readonly reasons: readonly Reason[] };

export type BacktestSummary = {
  readonly lines: number;
  readonly labelled: number;
  readonly fraud: number;
  readonly roc_auc: number;
  readonly recall_at_1pct_fpr: number;
  /** Legit payments declined / legit payments. */
  readonly legit_decline_rate: number;
  readonly review_rate: number;
  /** Fraud declined or sent to review / fraud. */
  readonly fraud_stopped_rate: number;
  readonly final_thresholds: { readonly review: number; readonly decline: number };
};

export type BacktestOptions = {
  /** A line's label is learnt this many lines after it was scored (default 100). */
  readonly label_delay?: number;
  readonly rules?: RiskRules;
  /** Confirmed fraud puts the receiving Pix key on the block list (MED-style feedback). Default true. */
  readonly block_confirmed_pix_keys?: boolean;
  readonly model?: LogisticModel;
  readonly model_config?: ModelConfig;
  readonly threshold_config?: ThresholdConfig;
};

export type BacktestResult = { readonly outputs: readonly BacktestOutput[]; readonly summary: BacktestSummary; readonly model: LogisticModel; readonly thresholds: ThresholdState };

type Pending = { readonly line: BacktestLine; readonly features: readonly number[]; readonly logit: number; readonly at: number };

function toRequest(l: BacktestLine): RiskRequest {
  const { label: _label, ...rest } = l;
  return rest;
}

/**
 * Replays labelled history through the risk agent in time order. Each line is scored with the
 * model and thresholds as they were at that moment; its label is learnt `label_delay` lines
 * later (as chargebacks and MED claims arrive late in production), never before its score is
 * written. The entity store is a map of per-key records — the same records a DynamoDB adapter
 * would hold — updated by the core's pure functions.
 */
export function runBacktest(lines: readonly BacktestLine[], opts: BacktestOptions = {}): BacktestResult {
  const delay = opts.label_delay ?? 100;
  const mcfg = opts.model_config ?? DEFAULT_MODEL_CONFIG;
  const tcfg = opts.threshold_config ?? DEFAULT_THRESHOLD_CONFIG;
  const ordered = lines.map((l, i) => ({ l, i, at: parseInstant(l.at) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const store = new Map<string, unknown>();
  const trust = new Map<string, TrustState>();
  const blockedKeys = new Set<string>();
  let model = opts.model ?? newModel(mcfg);
  let th: ThresholdState = INITIAL_THRESHOLDS;
  const pending: Pending[] = [];
  const outputs: BacktestOutput[] = [];
  const scored: { score: number; fraud: boolean; outcome: RiskOutcome }[] = [];

  const learnOne = (p: Pending): void => {
    if (p.line.label === undefined) return;
    const y = p.line.label === 'fraud' ? 1 : 0;
    model = learn(model, p.features, y, mcfg);
    if (y === 0) th = afterLegitLabel(th, p.logit, tcfg);
    trust.set(p.line.agent_id, updateTrust(trust.get(p.line.agent_id), y === 1 ? 'fraud' : 'legit', p.at));
    if (y === 1 && p.line.pix_key !== undefined && opts.block_confirmed_pix_keys !== false) blockedKeys.add(p.line.pix_key);
  };

  for (const { l, at } of ordered) {
    const req = toRequest(l);
    const keys = entityKeys(req);
    const snapshot: RiskSnapshot = {
      agent: store.get(keys.agent) as RiskSnapshot['agent'],
      ...(keys.card ? { card: store.get(keys.card) as RiskSnapshot['card'] } : {}),
      ...(keys.device ? { device: store.get(keys.device) as RiskSnapshot['device'] } : {}),
      ...(keys.ip ? { ip: store.get(keys.ip) as RiskSnapshot['ip'] } : {}),
      ...(keys.pix_key ? { pix_key: store.get(keys.pix_key) as RiskSnapshot['pix_key'] } : {}),
      ...(trust.has(l.agent_id) ? { trust: trust.get(l.agent_id)! } : {}),
    };
    const rules: RiskRules = {
      ...opts.rules,
      block: { ...opts.rules?.block, pix_keys: [...(opts.rules?.block?.pix_keys ?? []), ...(l.pix_key !== undefined && blockedKeys.has(l.pix_key) ? [l.pix_key] : [])] },
    };
    const a = assessRisk({ request: req, snapshot, model, thresholds: th, rules, now: at, model_config: mcfg });
    outputs.push({ id: l.id, score: a.decision.score, outcome: a.decision.outcome, reasons: a.decision.reasons });
    if (l.label !== undefined) scored.push({ score: a.decision.score, fraud: l.label === 'fraud', outcome: a.decision.outcome });
    th = afterDecision(th, a.logit, tcfg);
    const next = recordPayment(snapshot, req, at);
    store.set(keys.agent, next.agent);
    if (keys.card) store.set(keys.card, next.card);
    if (keys.device) store.set(keys.device, next.device);
    if (keys.ip) store.set(keys.ip, next.ip);
    if (keys.pix_key) store.set(keys.pix_key, next.pix_key);
    pending.push({ line: l, features: a.features, logit: a.logit, at });
    if (pending.length > delay) learnOne(pending.shift()!);
  }

  const legit = scored.filter((s) => !s.fraud);
  const fraud = scored.filter((s) => s.fraud);
  const flags = scored.map((s) => s.fraud);
  const scores = scored.map((s) => s.score);
  const summary: BacktestSummary = {
    lines: outputs.length,
    labelled: scored.length,
    fraud: fraud.length,
    roc_auc: round(rocAuc(scores, flags)),
    recall_at_1pct_fpr: round(recallAtFpr(scores, flags, 0.01)),
    legit_decline_rate: round(legit.length === 0 ? 0 : legit.filter((s) => s.outcome === 'decline').length / legit.length),
    review_rate: round(scored.length === 0 ? 0 : scored.filter((s) => s.outcome === 'review').length / scored.length),
    fraud_stopped_rate: round(fraud.length === 0 ? 0 : fraud.filter((s) => s.outcome !== 'approve').length / fraud.length),
    final_thresholds: { review: round(1 / (1 + Math.exp(-th.review_logit))), decline: round(1 / (1 + Math.exp(-th.decline_logit))) },
  };
  return { outputs, summary, model, thresholds: th };
}

function round(x: number): number {
  return Number.isNaN(x) ? x : Math.round(x * 10_000) / 10_000;
}
