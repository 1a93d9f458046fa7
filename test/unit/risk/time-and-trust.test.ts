import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brtHour, isNightBrt } from '../../../functions/core/risk/brt-time.js';
import { trustScore, updateTrust, type TrustEvent, type TrustState } from '../../../functions/core/risk/trust.js';

describe('America/Sao_Paulo hour without a tz database', () => {
  it('is UTC−3 all year (no DST since 2019)', () => {
    expect(brtHour(Date.parse('2025-03-01T02:30:00Z'))).toBe(23);
    expect(brtHour(Date.parse('2025-01-15T03:00:00Z'))).toBe(0);
    expect(brtHour(Date.parse('2025-07-15T15:59:59Z'))).toBe(12);
    expect(isNightBrt(Date.parse('2025-03-01T05:00:00Z'))).toBe(true); // 02:00 BRT
    expect(isNightBrt(Date.parse('2025-03-01T15:00:00Z'))).toBe(false);
  });

  it('agrees with (UTC hour + 21) mod 24 for any instant, including before 1970', () => {
    fc.assert(fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
      expect(brtHour(ms)).toBe((new Date(ms).getUTCHours() + 21) % 24);
    }));
  });
});

describe('agent trust score', () => {
  it('stays in [0, 1] under any sequence of outcomes', () => {
    const events: TrustEvent[] = ['legit', 'fraud', 'chargeback', 'review_approved', 'review_declined'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...events), { maxLength: 200 }), (seq) => {
      let s: TrustState | undefined;
      seq.forEach((e, i) => { s = updateTrust(s, e, i * 60_000); });
      const t = trustScore(s, seq.length * 60_000);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThanOrEqual(1);
    }));
  });

  it('rises with good payments, falls harder with fraud, and drifts back to neutral over time', () => {
    let s: TrustState | undefined;
    for (let i = 0; i < 20; i++) s = updateTrust(s, 'legit', 0);
    const good = trustScore(s, 0);
    expect(good).toBeGreaterThan(0.8);
    const hit = trustScore(updateTrust(s, 'fraud', 0), 0);
    expect(good - hit).toBeGreaterThan(0.15);
    expect(trustScore(s, 5 * 365 * 86_400_000)).toBeCloseTo(0.5, 1);
  });
});
