import { FEATURE_COUNT, FEATURE_NAMES, type FeatureName } from './features.js';

/**
 * Online logistic regression: features standardised by running mean/variance (Welford, started
 * from a pseudo-count prior of mean 0 / variance 1 so the first examples do not explode the
 * scale), weights learnt by SGD with AdaGrad step sizes and L2 shrinkage, positives weighted
 * because fraud is rare. Plain JSON state; `learn` returns a new model.
 */
export type LogisticModel = {
  readonly version: 1;
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
  readonly n: number;
  readonly mean: readonly number[];
  readonly m2: readonly number[];
  readonly g2: readonly number[];
  readonly g2_bias: number;
  readonly updates: number;
};

export type ModelConfig = {
  readonly learning_rate: number;
  readonly l2: number;
  readonly positive_weight: number;
  /** Standardised values are clipped to ±clip so one rare flag cannot dominate everything. */
  readonly clip: number;
  readonly prior_n: number;
};

export const DEFAULT_MODEL_CONFIG: ModelConfig = Object.freeze({
  learning_rate: 0.05,
  l2: 1e-4,
  positive_weight: 4,
  clip: 6,
  prior_n: 20,
});

/**
 * Starting weights (standardised units) from domain knowledge, so a fresh deployment is useful
 * before the first labels arrive; learning moves them from there. Signs follow the fraud
 * mechanisms they stand for (velocity, new device, mule keys, …); trust lowers risk.
 */
export const PRIOR_WEIGHTS: Readonly<Partial<Record<FeatureName, number>>> = Object.freeze({
  amount_z_vs_agent: 0.3,
  agent_newness: 0.2,
  card_velocity_1h: 0.3,
  card_new_agent: 0.3,
  device_distinct_cards_24h: 0.4,
  ip_distinct_cards_24h: 0.3,
  pix_key_distinct_payers_24h: 0.4,
  new_payee: 0.1,
  new_device: 0.2,
  new_ip: 0.1,
  new_device_high_amount: 0.3,
  country_mismatch: 0.2,
  night_pix_new_payee: 0.3,
  mandate_utilisation: 0.1,
  agent_trust: -0.3,
  processor_risk: 0.4,
  near_limit_24h: 0.3,
  structuring: 0.3,
});

export const PRIOR_BIAS = -4;

export function newModel(cfg: ModelConfig = DEFAULT_MODEL_CONFIG): LogisticModel {
  return {
    version: 1,
    features: [...FEATURE_NAMES],
    weights: FEATURE_NAMES.map((f) => PRIOR_WEIGHTS[f] ?? 0),
    bias: PRIOR_BIAS,
    n: cfg.prior_n,
    mean: new Array<number>(FEATURE_COUNT).fill(0),
    m2: new Array<number>(FEATURE_COUNT).fill(cfg.prior_n),
    g2: new Array<number>(FEATURE_COUNT).fill(1),
    g2_bias: 1,
    updates: 0,
  };
}

function standardise(m: LogisticModel, x: readonly number[], i: number, clip: number): number {
  const sd = Math.sqrt(m.m2[i]! / m.n);
  const z = sd > 1e-9 ? (x[i]! - m.mean[i]!) / sd : 0;
  return z > clip ? clip : z < -clip ? -clip : z;
}

export const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

export type ModelScore = { readonly p: number; readonly logit: number; readonly contributions: readonly number[] };

/** Fraud probability, its log-odds and each feature's contribution `w_i · x̃_i` to the log-odds. */
export function scoreModel(m: LogisticModel, x: readonly number[], cfg: ModelConfig = DEFAULT_MODEL_CONFIG): ModelScore {
  const contributions = new Array<number>(m.weights.length);
  let logit = m.bias;
  for (let i = 0; i < m.weights.length; i++) {
    const c = m.weights[i]! * standardise(m, x, i, cfg.clip);
    contributions[i] = c;
    logit += c;
  }
  return { p: sigmoid(logit), logit, contributions };
}

/** One labelled example (`y` = 1 for fraud): updates standardisation, then one AdaGrad step. */
export function learn(m: LogisticModel, x: readonly number[], y: 0 | 1, cfg: ModelConfig = DEFAULT_MODEL_CONFIG): LogisticModel {
  const n = m.n + 1;
  const mean = m.mean.slice();
  const m2 = m.m2.slice();
  for (let i = 0; i < mean.length; i++) {
    const d = x[i]! - mean[i]!;
    mean[i] = mean[i]! + d / n;
    m2[i] = m2[i]! + d * (x[i]! - mean[i]!);
  }
  const stats: LogisticModel = { ...m, n, mean, m2 };
  const { p } = scoreModel(stats, x, cfg);
  const g = (p - y) * (y === 1 ? cfg.positive_weight : 1);
  const weights = m.weights.slice();
  const g2 = m.g2.slice();
  for (let i = 0; i < weights.length; i++) {
    const gi = g * standardise(stats, x, i, cfg.clip) + cfg.l2 * weights[i]!;
    g2[i] = g2[i]! + gi * gi;
    weights[i] = weights[i]! - (cfg.learning_rate / Math.sqrt(g2[i]!)) * gi;
  }
  const g2Bias = m.g2_bias + g * g;
  const bias = m.bias - (cfg.learning_rate / Math.sqrt(g2Bias)) * g;
  return { ...stats, weights, bias, g2, g2_bias: g2Bias, updates: m.updates + 1 };
}
