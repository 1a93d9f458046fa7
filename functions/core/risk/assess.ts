import { parseInstant } from './brt-time.js';
import { DEFAULT_FEATURE_CONFIG, extractFeatures, FEATURE_NAMES, type FeatureConfig, type RiskSnapshot } from './features.js';
import { DEFAULT_MODEL_CONFIG, scoreModel, type LogisticModel, type ModelConfig } from './model.js';
import { evaluateRiskRules, type RiskRules } from './rules.js';
import { band, type ThresholdState } from './thresholds.js';
import type { Reason, RiskDecision, RiskOutcome, RiskRequest } from './types.js';

export type AssessInput = {
  readonly request: RiskRequest;
  readonly snapshot: RiskSnapshot;
  readonly model: LogisticModel;
  readonly thresholds: ThresholdState;
  readonly rules?: RiskRules;
  /** Defaults to the request's `at`. */
  readonly now?: number;
  readonly feature_config?: FeatureConfig;
  readonly model_config?: ModelConfig;
  /** How many reasons to report (largest |contribution| first). */
  readonly max_reasons?: number;
};

/** The decision plus what learning needs later: the raw features and the log-odds at decision time. */
export type RiskAssessment = { readonly decision: RiskDecision; readonly features: readonly number[]; readonly logit: number };

const SEVERITY: Record<RiskOutcome, number> = { approve: 0, review: 1, decline: 2 };
const STRUCTURING_INDEX = FEATURE_NAMES.indexOf('structuring');

/**
 * Scores a payment: features → online logistic model → adaptive thresholds, then explicit rules
 * (a forced outcome wins; a floor can only make the outcome stricter). A block-listed payment
 * scores 1 because we act on it as certain fraud. Returns API.md's `decision.risk`.
 */
export function assessRisk(input: AssessInput): RiskAssessment {
  const now = input.now ?? parseInstant(input.request.at);
  const x = extractFeatures(input.request, input.snapshot, now, input.feature_config ?? DEFAULT_FEATURE_CONFIG);
  const m = scoreModel(input.model, x, input.model_config ?? DEFAULT_MODEL_CONFIG);
  let outcome: RiskOutcome = band(input.thresholds, m.logit);
  let score = m.p;
  let fired: readonly string[] = [];
  if (input.rules !== undefined) {
    const v = evaluateRiskRules(input.rules, input.request, x[STRUCTURING_INDEX] === 1);
    fired = v.fired;
    if (v.force !== null) outcome = v.force;
    if (v.floor !== null && SEVERITY[v.floor] > SEVERITY[outcome] && v.force !== 'decline') outcome = v.floor;
    if (v.fired.some((f) => f.startsWith('block_list:'))) score = 1;
  }
  const reasons = topReasons(m.contributions, input.max_reasons ?? 6);
  return { decision: { score: Math.round(score * 1e6) / 1e6, outcome, reasons, rules: fired }, features: x, logit: m.logit };
}

/** Non-zero contributions sorted by |contribution| (ties by feature name), rounded for display. */
export function topReasons(contributions: readonly number[], k: number): Reason[] {
  const idx: number[] = [];
  for (let i = 0; i < contributions.length; i++) if (Math.abs(contributions[i]!) >= 5e-4) idx.push(i);
  idx.sort((a, b) => Math.abs(contributions[b]!) - Math.abs(contributions[a]!) || (FEATURE_NAMES[a]! < FEATURE_NAMES[b]! ? -1 : 1));
  return idx.slice(0, k).map((i) => ({ feature: FEATURE_NAMES[i]!, contribution: Math.round(contributions[i]! * 1000) / 1000 }));
}
