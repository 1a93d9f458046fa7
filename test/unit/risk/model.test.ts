import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES } from '../../../functions/core/risk/features.js';
import { learn, newModel, scoreModel } from '../../../functions/core/risk/model.js';
import { afterDecision, afterLegitLabel, band, INITIAL_THRESHOLDS, type ThresholdState } from '../../../functions/core/risk/thresholds.js';
import { createPrng } from '../../../functions/core/routing/prng.js';

const idx = FEATURE_NAMES.indexOf('new_ip');

function example(rng: () => number): { x: number[]; y: 0 | 1 } {
  const y = rng() < 0.05 ? 1 : 0;
  const x = Array.from({ length: FEATURE_COUNT }, () => rng());
  x[idx] = y === 1 ? (rng() < 0.8 ? 1 : 0) : (rng() < 0.05 ? 1 : 0);
  return { x, y };
}

describe('online logistic model', () => {
  it('learns a weight for a feature that separates fraud and scores it higher', () => {
    const rng = createPrng(1);
    let m = newModel();
    const w0 = m.weights[idx]!;
    for (let i = 0; i < 4_000; i++) { const e = example(rng); m = learn(m, e.x, e.y); }
    expect(m.weights[idx]!).toBeGreaterThan(w0 + 0.5);
    const base = Array.from({ length: FEATURE_COUNT }, () => 0.5);
    const flagged = [...base]; flagged[idx] = 1;
    const clean = [...base]; clean[idx] = 0;
    expect(scoreModel(m, flagged).p).toBeGreaterThan(scoreModel(m, clean).p * 3);
  });

  it('is a pure JSON state: learn leaves its input untouched and a round trip scores identically', () => {
    const m = newModel();
    const before = JSON.stringify(m);
    const rng = createPrng(2);
    const m2 = learn(m, example(rng).x, 1);
    expect(JSON.stringify(m)).toBe(before);
    const x = example(rng).x;
    expect(scoreModel(JSON.parse(JSON.stringify(m2)), x)).toEqual(scoreModel(m2, x));
  });

  it('reports contributions that sum with the bias to the log-odds', () => {
    const m = newModel();
    const s = scoreModel(m, example(createPrng(3)).x);
    expect(m.bias + s.contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(s.logit, 10);
  });
});

describe('adaptive thresholds', () => {
  it('move the review band to the target review rate on a stationary score stream', () => {
    const rng = createPrng(4);
    let th: ThresholdState = INITIAL_THRESHOLDS;
    let reviews = 0;
    const N = 40_000;
    for (let i = 0; i < N; i++) {
      const logit = -4 + 2 * Math.log(rng() / (1 - rng() + 1e-12) + 1e-12) / 2;
      if (i >= N / 2 && band(th, logit) === 'review') reviews++;
      th = afterDecision(th, logit);
    }
    expect(reviews / (N / 2)).toBeGreaterThan(0.012);
    expect(reviews / (N / 2)).toBeLessThan(0.03);
  });

  it('move the decline threshold so the legit decline rate settles at the false-positive budget', () => {
    const rng = createPrng(5);
    let th: ThresholdState = INITIAL_THRESHOLDS;
    let declined = 0;
    const N = 60_000;
    for (let i = 0; i < N; i++) {
      const logit = -3 + 1.5 * Math.sqrt(-2 * Math.log(rng() + 1e-12)) * Math.cos(2 * Math.PI * rng());
      if (i >= N / 2 && band(th, logit) === 'decline') declined++;
      th = afterLegitLabel(th, logit);
    }
    expect(declined / (N / 2)).toBeLessThan(0.005);
    expect(declined / (N / 2)).toBeGreaterThan(0.001);
  });
});
