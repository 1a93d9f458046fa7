/**
 * FX quotes (API.md "FX quotes"): priced by the pure core (rates as decimal strings, integer
 * math), locked until `expires_at`, and consumed once by the payment that uses them.
 */
import { AppError, invalid } from '../core/errors.js';
import { priceQuote, type PricingRule } from '../core/fx/index.js';
import type { CreateQuoteRequest } from '../contracts/api/quotes.js';
import type { FxRates } from './ports/fx-rates.js';
import type { MerchantStore } from './ports/merchant-store.js';
import type { Quote, QuoteStore } from './ports/quote-store.js';
import type { Clock, Ids } from './ports/system.js';

export interface QuoteDeps {
  readonly quotes: QuoteStore;
  readonly rates: FxRates;
  readonly merchants: MerchantStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly ttlSeconds: number;
  readonly defaultMarkupBps: number;
  readonly rules?: readonly PricingRule[];
}

export async function createQuote(merchantId: string, input: CreateQuoteRequest, deps: QuoteDeps, agentId?: string): Promise<Quote> {
  if (input.currency === input.settlement_currency) throw invalid('settlement_currency must differ from currency', 'settlement_currency');
  const [table, merchant] = await Promise.all([deps.rates.table(), deps.merchants.get(merchantId)]);
  let priced;
  try {
    priced = priceQuote({ amount: input.amount, currency: input.currency, settlementCurrency: input.settlement_currency, table, merchantMarkupBps: merchant?.fxMarkupBps ?? deps.defaultMarkupBps, ...(deps.rules ? { rules: deps.rules } : {}) });
  } catch (err) {
    if (err instanceof RangeError) throw invalid(`Cannot quote ${input.currency} → ${input.settlement_currency}: ${err.message}`, 'settlement_currency');
    throw err;
  }
  const now = deps.clock.now();
  const quote: Quote = {
    id: deps.ids.random('qt'), merchant_id: merchantId, ...(agentId ? { agent_id: agentId } : {}),
    amount: input.amount, currency: input.currency, settlement_amount: priced.settlement_amount, settlement_currency: input.settlement_currency,
    rate: priced.rate, markup_bps: priced.markup_bps, rates_as_of: table.as_of,
    expires_at: new Date(now.getTime() + deps.ttlSeconds * 1000).toISOString(), created: now.toISOString(), status: 'open',
  };
  await deps.quotes.create(quote);
  return quote;
}

export function quoteView(q: Quote) {
  return {
    id: q.id, object: 'quote' as const, amount: q.amount, currency: q.currency, settlement_amount: q.settlement_amount,
    settlement_currency: q.settlement_currency, rate: q.rate, markup_bps: q.markup_bps, rates_as_of: q.rates_as_of,
    expires_at: q.expires_at, status: q.status, created: q.created,
  };
}

/**
 * Checks that a payment matches its quote exactly and consumes the quote for `paymentId`
 * (one conditional write). Expired or used by another payment → 409 `quote_expired`.
 */
export async function consumeQuote(quotes: QuoteStore, merchantId: string, quoteId: string, payment: { id: string; amount: number; currency: string }, now: Date): Promise<Quote> {
  const q = await quotes.get(merchantId, quoteId);
  if (!q) throw invalid(`No such quote: ${quoteId}`, 'quote_id');
  if (q.currency !== payment.currency) throw invalid(`The quote is for ${q.currency}`, 'currency');
  if (q.amount !== payment.amount) throw invalid(`The quote is for exactly ${q.amount}`, 'amount');
  const r = await quotes.consume(quoteId, payment.id, now);
  if (r === 'consumed') return { ...q, status: 'used', payment_id: payment.id };
  if (r === 'missing') throw invalid(`No such quote: ${quoteId}`, 'quote_id');
  throw new AppError('quote_expired', r === 'used' ? 'The quote was already used by another payment' : `The quote expired at ${q.expires_at}`, { param: 'quote_id' });
}
