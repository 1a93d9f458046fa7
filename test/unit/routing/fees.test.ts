import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedFee, feeFor, percentPart } from '../../../functions/core/routing/fees.js';

describe('routing fees', () => {
  it('charges fixed plus basis points rounded half up to a minor unit', () => {
    expect(feeFor(10_000, { percent_bps: 290, fixed: 30 })).toBe(320);
    expect(feeFor(150, { percent_bps: 100, fixed: 0 })).toBe(2); // 1.5 → 2
    expect(feeFor(149, { percent_bps: 100, fixed: 0 })).toBe(1); // 1.49 → 1
    expect(feeFor(0, { percent_bps: 290, fixed: 30 })).toBe(30);
  });

  it('always returns an integer equal to exact BigInt arithmetic, even beyond the float-safe product', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }), (amount, bps, fixed) => {
      const fee = feeFor(amount, { percent_bps: bps, fixed });
      const exact = BigInt(fixed) + (BigInt(amount) * BigInt(bps) + 5_000n) / 10_000n;
      expect(Number.isSafeInteger(fee)).toBe(true);
      expect(BigInt(fee)).toBe(exact);
    }));
  });

  it('rejects fractional amounts and fee parameters instead of rounding through floats', () => {
    expect(() => feeFor(10.5, { percent_bps: 100, fixed: 0 })).toThrow(RangeError);
    expect(() => feeFor(100, { percent_bps: 1.5, fixed: 0 })).toThrow(RangeError);
    expect(() => feeFor(100, { percent_bps: 1, fixed: 0.5 })).toThrow(RangeError);
  });

  it('expected fee is an integer between the fixed part and the full fee', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (amount, p) => {
      const fee = { percent_bps: 275, fixed: 25 };
      const e = expectedFee(amount, fee, p);
      expect(Number.isInteger(e)).toBe(true);
      expect(e).toBeGreaterThanOrEqual(25);
      expect(e).toBeLessThanOrEqual(25 + percentPart(amount, 275));
    }));
  });
});
