import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleBeta, sampleGamma } from '../../../functions/core/routing/beta-sampler.js';
import { createPrng } from '../../../functions/core/routing/prng.js';

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) };
}

describe('Marsaglia–Tsang Beta sampler', () => {
  it.each([[1, 1], [2, 5], [30, 3], [0.5, 0.5], [400, 40]])('Beta(%d, %d) has the right mean and variance', (a, b) => {
    const rng = createPrng(42);
    const xs = Array.from({ length: 40_000 }, () => sampleBeta(a, b, rng));
    const { mean, variance } = moments(xs);
    const m = a / (a + b);
    const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(mean).toBeCloseTo(m, 2);
    expect(Math.abs(variance - v) / v).toBeLessThan(0.05);
  });

  it('Gamma(k) has mean k, including shapes below 1 (boost)', () => {
    const rng = createPrng(7);
    for (const k of [0.3, 1, 4.5]) {
      const xs = Array.from({ length: 40_000 }, () => sampleGamma(k, rng));
      expect(Math.abs(moments(xs).mean - k) / k).toBeLessThan(0.03);
    }
  });

  it('samples lie in [0, 1] and repeat exactly for the same seed', () => {
    fc.assert(fc.property(fc.integer(), fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 0.01, max: 500, noNaN: true }), (seed, a, b) => {
      const r1 = createPrng(seed);
      const r2 = createPrng(seed);
      for (let i = 0; i < 5; i++) {
        const x = sampleBeta(a, b, r1);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(sampleBeta(a, b, r2)).toBe(x);
      }
    }));
  });

  it('rejects a non-positive shape', () => {
    expect(() => sampleGamma(0, createPrng(1))).toThrow(RangeError);
  });
});
