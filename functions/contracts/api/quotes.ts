/** FX quotes (API.md "FX quotes"). */
import * as z from 'zod';
import { amountSchema, currencySchema, positiveAmountSchema } from './common.js';

export const createQuoteRequest = z
  .strictObject({
    amount: positiveAmountSchema,
    currency: currencySchema,
    settlement_currency: currencySchema,
  })
  .meta({ id: 'CreateQuoteRequest', example: { amount: 10000, currency: 'usd', settlement_currency: 'brl' } });

export const quoteSchema = z
  .object({
    id: z.string(),
    object: z.literal('quote'),
    amount: amountSchema,
    currency: z.string(),
    settlement_amount: amountSchema,
    settlement_currency: z.string(),
    rate: z.string().meta({ description: 'Effective rate after markup (settlement units per unit), decimal string' }),
    markup_bps: z.number().int(),
    rates_as_of: z.string().meta({ description: 'Date of the reference rates' }),
    expires_at: z.string(),
    status: z.enum(['open', 'used']),
    created: z.string(),
  })
  .meta({ id: 'Quote', example: { id: 'qt_9Xa', object: 'quote', amount: 10000, currency: 'usd', settlement_amount: 53794, settlement_currency: 'brl', rate: '5.37935000', markup_bps: 75, rates_as_of: '2026-11-20', expires_at: '2026-11-22T12:05:00.000Z', status: 'open', created: '2026-11-22T12:00:00.000Z' } });

export type CreateQuoteRequest = z.infer<typeof createQuoteRequest>;
