/**
 * Approve/review/decline thresholds (in log-odds) that move on their own, by stochastic
 * approximation of quantiles (Robbins–Monro):
 * - review: every decision nudges it so the share of payments in the review band
 *   [review, decline) tends to `target_review_rate`;
 * - decline: every *legit* label nudges it so the share of legit payments at or above it tends
 *   to `fp_budget` — the false-positive budget, i.e. the legit decline rate we accept.
 * Each step is `step × (indicator − target)`, whose fixed point is exactly that quantile.
 */
export type ThresholdState = { readonly review_logit: number; readonly decline_logit: number };

export type ThresholdConfig = {
  readonly target_review_rate: number;
  readonly fp_budget: number;
  readonly review_step: number;
  readonly decline_step: number;
  readonly min_logit: number;
  readonly max_logit: number;
  /** Smallest gap between the review and decline thresholds. */
  readonly min_gap: number;
};

export const DEFAULT_THRESHOLD_CONFIG: ThresholdConfig = Object.freeze({
  target_review_rate: 0.02,
  fp_budget: 0.003,
  review_step: 0.02,
  decline_step: 0.05,
  min_logit: -6,
  max_logit: 8,
  min_gap: 0.25,
});

export const INITIAL_THRESHOLDS: ThresholdState = Object.freeze({ review_logit: -1, decline_logit: 2 });

export type Band = 'approve' | 'review' | 'decline';

export function band(th: ThresholdState, logit: number): Band {
  return logit >= th.decline_logit ? 'decline' : logit >= th.review_logit ? 'review' : 'approve';
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** After each scored payment: move the review threshold toward the target review rate. */
export function afterDecision(th: ThresholdState, logit: number, cfg: ThresholdConfig = DEFAULT_THRESHOLD_CONFIG): ThresholdState {
  const inReview = band(th, logit) === 'review' ? 1 : 0;
  const review = clamp(th.review_logit + cfg.review_step * (inReview - cfg.target_review_rate), cfg.min_logit, th.decline_logit - cfg.min_gap);
  return { ...th, review_logit: review };
}

/** When a legit label arrives for a payment scored `logit`: move the decline threshold toward the FP budget. */
export function afterLegitLabel(th: ThresholdState, logit: number, cfg: ThresholdConfig = DEFAULT_THRESHOLD_CONFIG): ThresholdState {
  const fp = logit >= th.decline_logit ? 1 : 0;
  const decline = clamp(th.decline_logit + cfg.decline_step * (fp - cfg.fp_budget), th.review_logit + cfg.min_gap, cfg.max_logit);
  return { ...th, decline_logit: decline };
}
