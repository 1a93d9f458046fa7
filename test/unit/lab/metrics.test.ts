import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, recallAtFpr, rocAuc } from '../../../functions/core/lab/metrics.js';

describe('lab metrics', () => {
  it('ROC AUC is 1 for a perfect ranking, 0 for a reversed one and 0.5 for all ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
  });

  it('ROC AUC equals the brute-force pair count', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }), (pairs) => {
      const pos = pairs.filter(([, y]) => y).map(([s]) => s);
      const neg = pairs.filter(([, y]) => !y).map(([s]) => s);
      if (pos.length === 0 || neg.length === 0) return;
      let wins = 0;
      for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
      expect(rocAuc(pairs.map(([s]) => s), pairs.map(([, y]) => y))).toBeCloseTo(wins / (pos.length * neg.length), 10);
    }));
  });

  it('recall at an FPR bound flags ties together and stops before the bound is crossed', () => {
    const scores = [0.99, 0.95, 0.9, 0.9, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const fraud = [true, true, true, false, true, false, false, false, false, false];
    expect(recallAtFpr(scores, fraud, 0)).toBe(0.5);
    expect(recallAtFpr(scores, fraud, 1 / 6)).toBe(1);
  });

  it('percentile is nearest-rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99)).toBe(99);
    expect(percentile([], 99)).toBe(0);
  });
});
