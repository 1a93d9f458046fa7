import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossRate, markupFor, parseRate, priceQuote, roundHalfEven, toDecimal, type RateTable } from '../../../functions/core/fx/index.js';
import reference from '../../../functions/adapters/fx/reference-rates.json' with { type: 'json' };

const table: RateTable = { base: 'usd', as_of: '2026-11-20', rates: { brl: '5.0000', eur: '0.8000', jpy: '150', kwd: '0.3000' } };

describe('FX pricing (core, integer/rational math)', () => {
  it('rounds half to even, exactly', () => {
    expect(roundHalfEven({ num: 5n, den: 2n })).toBe(2n);
    expect(roundHalfEven({ num: 7n, den: 2n })).toBe(4n);
    expect(roundHalfEven({ num: 7n, den: 3n })).toBe(2n);
    expect(roundHalfEven({ num: 8n, den: 3n })).toBe(3n);
    expect(toDecimal(parseRate('5.4321'), 2)).toBe('5.43');
  });

  it('prices 100.00 USD → BRL at 5.0000 with 50 bps markup as 497.50 BRL (+25 bps cross-region = 496.25)', () => {
    expect(priceQuote({ amount: 10_000, currency: 'usd', settlementCurrency: 'brl', table, merchantMarkupBps: 50, rules: [] })).toEqual({ settlement_amount: 49_750, rate: '4.97500000', markup_bps: 50 });
    expect(priceQuote({ amount: 10_000, currency: 'usd', settlementCurrency: 'brl', table, merchantMarkupBps: 50 })).toMatchObject({ settlement_amount: 49_625, markup_bps: 75 });
  });

  it('handles currencies with different exponents (BRL 2 → JPY 0 → KWD 3) through the base currency', () => {
    expect(priceQuote({ amount: 1_000, currency: 'brl', settlementCurrency: 'jpy', table, merchantMarkupBps: 0, rules: [] }).settlement_amount).toBe(300);
    expect(priceQuote({ amount: 300, currency: 'jpy', settlementCurrency: 'kwd', table, merchantMarkupBps: 0, rules: [] }).settlement_amount).toBe(600);
    expect(crossRate(table, 'eur', 'brl')).toEqual({ num: 50000n * 10000n, den: 10000n * 8000n });
  });

  it('a regional rule overrides or adds to the merchant markup; out-of-range markups are refused', () => {
    expect(markupFor(40, 'brl', 'usd', [{ from_region: 'latam', to_region: 'na', add_bps: 25 }])).toBe(65);
    expect(markupFor(40, 'eur', 'gbp', [{ currency: 'eur', markup_bps: 10 }])).toBe(10);
    expect(() => markupFor(10_000, 'eur', 'gbp', [])).toThrow(RangeError);
  });

  it('never gives the payer more than the mid rate (markup ≥ 0) and stays within half a unit of the exact value', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 11 }), fc.integer({ min: 0, max: 500 }), (amount, bps) => {
      const q = priceQuote({ amount, currency: 'usd', settlementCurrency: 'brl', table, merchantMarkupBps: bps, rules: [] });
      const exact2 = BigInt(amount) * 5n * BigInt(10_000 - bps) * 2n; // ×2 to compare halves in integers
      const got2 = BigInt(q.settlement_amount) * 10_000n * 2n;
      return got2 - exact2 <= 10_000n && exact2 - got2 <= 10_000n && q.settlement_amount <= amount * 5;
    }));
  });

  it('the shipped reference table states its date and holds only decimal-string rates', () => {
    expect(reference.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const v of Object.values(reference.rates)) expect(() => parseRate(v)).not.toThrow();
  });
});
