import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isExpiryValid, normalizeExpYear } from '../../../functions/core/cards/index.js';

describe('isExpiryValid', () => {
  it('keeps a card valid through the last instant of its expiry month (UTC)', () => {
    expect(isExpiryValid(2, 2028, new Date('2028-02-29T23:59:59.999Z'))).toBe(true);
    expect(isExpiryValid(2, 2028, new Date('2028-03-01T00:00:00.000Z'))).toBe(false);
    expect(isExpiryValid(12, 2027, new Date('2027-12-31T23:59:59Z'))).toBe(true);
    expect(isExpiryValid(12, 2027, new Date('2028-01-01T00:00:00Z'))).toBe(false);
  });

  it('accepts two-digit years as 20YY', () => {
    expect(normalizeExpYear(27)).toBe(2027);
    expect(isExpiryValid(1, 30, new Date('2029-06-01T00:00:00Z'))).toBe(true);
  });

  it('rejects malformed months and years whatever the date', () => {
    const now = new Date('2026-01-15T00:00:00Z');
    for (const [m, y] of [[0, 2030], [13, 2030], [1.5, 2030], [1, 1999], [1, 2300], [1, 150]] as const) {
      expect(isExpiryValid(m, y, now), `${m}/${y}`).toBe(false);
    }
  });

  it('is monotone: a card valid at some time was valid at every earlier time in or after 2000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2100 }), fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), fc.nat({ max: 10 ** 10 }), (m, y, later, back) => {
        const earlier = new Date(Math.max(later.getTime() - back * 1000, Date.UTC(2000, 0, 1)));
        return !isExpiryValid(m, y, later) || isExpiryValid(m, y, earlier);
      }),
    );
  });
});
