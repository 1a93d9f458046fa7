import { countsAt } from './decayed-counts.js';
import type { RoutingConfig, RoutingState } from './state.js';

export type Posterior = {
  readonly alpha: number;
  readonly beta: number;
  readonly mean: number;
  /** Finest level holding at least one effective observation (0 = processor only). */
  readonly level: number;
};

/**
 * Hierarchical back-off: the coarsest level starts from the configured Beta prior; each finer
 * level uses its parent's posterior mean as prior, worth at most `backoff_strength`
 * pseudo-observations (fewer if the parent itself knows less). A sparse segment therefore
 * behaves like its parent, and a busy one is dominated by its own evidence.
 */
export function segmentPosterior(state: RoutingState, keys: readonly string[], now: number, cfg: RoutingConfig): Posterior {
  let alpha = cfg.prior_alpha;
  let beta = cfg.prior_beta;
  let level = 0;
  for (let i = 0; i < keys.length; i++) {
    const c = state.segments[keys[i]!];
    const { s, f } = c === undefined ? { s: 0, f: 0 } : countsAt(c, now, cfg.half_life_ms);
    if (i === 0) {
      alpha += s;
      beta += f;
    } else {
      const n = alpha + beta;
      const w = Math.min(cfg.backoff_strength, n);
      const mean = alpha / n;
      alpha = w * mean + s;
      beta = w * (1 - mean) + f;
    }
    if (s + f >= 1) level = i;
  }
  // Guard the sampler against a degenerate (zero) parameter after heavy decay.
  alpha = Math.max(alpha, 1e-3);
  beta = Math.max(beta, 1e-3);
  return { alpha, beta, mean: alpha / (alpha + beta), level };
}
