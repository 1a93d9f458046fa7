/**
 * Payout batch API schemas (API.md "Payouts"). Item VALUES (key format, amount sign, currency,
 * duplicate references) are judged per item by core/payouts — an invalid item fails alone with a
 * reason — so the schema only checks each item's shape; a malformed shape or `scheduled_for` is a
 * 400 naming the field.
 */
import * as z from 'zod';
import { listOf, listQuerySchema } from './common.js';

export const MAX_BATCH_ITEMS = 5_000;

export const payoutItemRequest = z.strictObject({
  reference: z.string().min(1).max(64),
  amount: z.number().meta({ description: 'Centavos; a non-positive or fractional amount fails this item only (invalid_amount)' }),
  currency: z.string().min(1).max(8),
  destination: z.strictObject({ type: z.literal('pix_key'), key: z.string().min(1).max(100) }),
});

export const createPayoutBatchRequest = z
  .strictObject({
    items: z.array(payoutItemRequest).min(1).max(MAX_BATCH_ITEMS),
    scheduled_for: z.iso.datetime({ offset: true, message: 'must be an RFC 3339 time, e.g. 2026-12-01T09:00:00Z' }).optional(),
  })
  .meta({ id: 'CreatePayoutBatchRequest', example: { items: [{ reference: 'inv-1', amount: 1500, currency: 'brl', destination: { type: 'pix_key', key: '+5511998765432' } }], scheduled_for: '2026-12-01T09:00:00Z' } });

const countsSchema = z.object({ total: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), canceled: z.number().int(), pending: z.number().int() });

export const payoutBatchSchema = z
  .object({
    id: z.string(),
    object: z.literal('payout_batch'),
    status: z.enum(['scheduled', 'running', 'paused', 'canceled', 'completed', 'completed_with_errors']),
    counts: countsSchema,
    amount: z.number().int(),
    currency: z.literal('brl'),
    scheduled_for: z.string().nullable(),
    created: z.string(),
    updated: z.string(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: 'PayoutBatch' });

export const payoutItemSchema = z
  .object({
    id: z.string(),
    object: z.literal('payout_item'),
    batch_id: z.string(),
    reference: z.string(),
    amount: z.number(),
    currency: z.string(),
    destination: z.object({ type: z.literal('pix_key'), key_type: z.string().nullable(), key_masked: z.string() }),
    status: z.enum(['pending', 'processing', 'paid', 'failed', 'canceled']),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    end_to_end_id: z.string().nullable(),
    paid_at: z.string().nullable(),
  })
  .meta({ id: 'PayoutItem' });

export const payoutItemListSchema = listOf(payoutItemSchema).meta({ id: 'PayoutItemList' });
export const payoutItemsQuery = listQuerySchema;
export const payoutControlRequest = z.strictObject({});
export const payoutReportSchema = z.string().meta({ description: 'CSV (RFC 4180) with a header row: item_id, reference, amount, currency, key_type, key_masked, status, failure_code, failure_message, end_to_end_id, paid_at' });
