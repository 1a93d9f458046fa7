/** Building blocks of the public API's zod schemas (API.md conventions). */
import * as z from 'zod';
import { CURRENCY_EXPONENT, MAX_AMOUNT } from '../../core/money.js';

export const currencySchema = z
  .string()
  .refine((c) => Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENT, c), { message: 'must be a supported lowercase ISO 4217 code (e.g. brl, usd)' })
  .meta({ description: 'Lowercase ISO 4217 currency code', example: 'brl' });

/** Integer minor units; never a float (API.md "Money"). */
export const amountSchema = z
  .number()
  .int({ message: 'must be an integer amount in minor units' })
  .min(0)
  .max(MAX_AMOUNT)
  .meta({ description: 'Amount in the currency’s minor unit (ISO 4217 exponent)', example: 1990 });

export const positiveAmountSchema = amountSchema.refine((n) => n > 0, { message: 'must be greater than zero' });

export const metadataSchema = z
  .record(z.string().max(40), z.string().max(500))
  .refine((m) => Object.keys(m).length <= 50, { message: 'at most 50 keys' })
  .meta({ description: 'Your key/value pairs (≤ 50 keys)' });

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.string().min(1).max(100).optional(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    param: z.string().optional(),
    request_id: z.string(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });
