/**
 * FX quote pricing: the cross rate from a reference table (units of each currency per one unit of
 * the table's base), the merchant's markup in basis points, and regional pricing rules — integer
 * and rational arithmetic only.
 *
 * settlement_amount = round_half_even( amount × 10^(e_settle − e_pay) × rate × (10 000 − markup_bps) / 10 000 )
 *
 * where `amount` is in minor units of the paid currency, e_* are ISO 4217 exponents and `rate` is
 * settlement units per paid unit. Rounding happens once, on the final amount (half to even).
 */
import { exponentOf } from '../money.js';
import { div, mul, parseRate, ratio, roundHalfEven, toDecimal, type Rational } from './rational.js';

export interface RateTable {
  readonly base: string;
  /** Units of `currency` per one unit of `base`, as decimal strings ("5.4321"). */
  readonly rates: Readonly<Record<string, string>>;
  /** The date the reference rates were taken (YYYY-MM-DD). */
  readonly as_of: string;
}

/** Coarse pricing regions by currency; a rule may match a region instead of a currency. */
export const REGION_OF: Readonly<Record<string, string>> = Object.freeze({
  brl: 'latam', mxn: 'latam', ars: 'latam', clp: 'latam', cop: 'latam', pen: 'latam', uyu: 'latam',
  usd: 'na', cad: 'na', eur: 'europe', gbp: 'europe', chf: 'europe',
  jpy: 'apac', krw: 'apac', cny: 'apac', inr: 'apac', aud: 'apac', kwd: 'mena', bhd: 'mena', jod: 'mena',
});

/** A pricing rule; the first whose every given field matches applies. */
export interface PricingRule {
  readonly from_region?: string;
  readonly to_region?: string;
  readonly currency?: string;
  readonly settlement_currency?: string;
  /** Replaces the merchant's markup. */
  readonly markup_bps?: number;
  /** Added on top (e.g. a cross-region surcharge). */
  readonly add_bps?: number;
}

export const DEFAULT_PRICING_RULES: readonly PricingRule[] = [
  // Cross-region conversions carry the correspondent-bank cost that same-region ones do not.
  { from_region: 'latam', to_region: 'na', add_bps: 25 },
  { from_region: 'na', to_region: 'latam', add_bps: 25 },
];

export function crossRate(table: RateTable, from: string, to: string): Rational {
  if (from === to) return ratio(1);
  const r = (c: string): Rational => {
    if (c === table.base) return ratio(1);
    const text = table.rates[c];
    if (text === undefined) throw new RangeError(`no reference rate for ${c}`);
    return parseRate(text);
  };
  return div(r(to), r(from));
}

export function markupFor(merchantBps: number, from: string, to: string, rules: readonly PricingRule[]): number {
  const rule = rules.find((x) =>
    (x.from_region === undefined || x.from_region === REGION_OF[from]) &&
    (x.to_region === undefined || x.to_region === REGION_OF[to]) &&
    (x.currency === undefined || x.currency === from) &&
    (x.settlement_currency === undefined || x.settlement_currency === to));
  const bps = (rule?.markup_bps ?? merchantBps) + (rule?.add_bps ?? 0);
  if (!Number.isSafeInteger(bps) || bps < 0 || bps >= 10_000) throw new RangeError(`markup out of range: ${bps}`);
  return bps;
}

export interface PricedQuote {
  readonly settlement_amount: number;
  /** Effective rate after markup, settlement major units per paid major unit, 8 decimals. */
  readonly rate: string;
  readonly markup_bps: number;
}

export function priceQuote(args: { amount: number; currency: string; settlementCurrency: string; table: RateTable; merchantMarkupBps: number; rules?: readonly PricingRule[] }): PricedQuote {
  const { amount, currency, settlementCurrency, table } = args;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('amount must be a positive integer');
  const markup = markupFor(args.merchantMarkupBps, currency, settlementCurrency, args.rules ?? DEFAULT_PRICING_RULES);
  const effective = mul(crossRate(table, currency, settlementCurrency), ratio(10_000 - markup, 10_000));
  const scale = exponentOf(settlementCurrency) - exponentOf(currency);
  const minor = mul(mul(ratio(amount), effective), scale >= 0 ? ratio(10n ** BigInt(scale)) : ratio(1n, 10n ** BigInt(-scale)));
  const settlement = roundHalfEven(minor);
  if (settlement > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('settlement amount too large');
  return { settlement_amount: Number(settlement), rate: toDecimal(effective, 8), markup_bps: markup };
}
