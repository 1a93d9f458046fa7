/** Conditional trigger and merchant business event API schemas. */
import * as z from 'zod';

export const createTriggerRequest = z
  .strictObject({
    pattern: z.record(z.string(), z.unknown()).meta({ description: 'An EventBridge event pattern over { source, detail-type, detail, … }; merchant events have source "merchant"' }),
    action: z.strictObject({
      type: z.enum(['payment', 'payout']),
      params: z.record(z.string(), z.unknown()).meta({ description: 'The body of POST /v1/payments (card) or POST /v1/payouts/batches' }),
    }),
  })
  .meta({ id: 'CreateTriggerRequest', example: { pattern: { 'detail-type': ['order.shipped'], detail: { total: [{ numeric: ['>', 0] }] } }, action: { type: 'payment', params: { amount: 1990, currency: 'brl', payment_method: { type: 'card', token: 'pm_123' } } } } });

export const triggerSchema = z
  .object({
    id: z.string(),
    object: z.literal('trigger'),
    pattern: z.record(z.string(), z.unknown()),
    action: z.object({ type: z.enum(['payment', 'payout']), params: z.record(z.string(), z.unknown()) }),
    status: z.enum(['enabled', 'disabled']),
    created: z.string(),
    updated: z.string(),
  })
  .meta({ id: 'Trigger' });

export const triggerListSchema = z.object({ object: z.literal('list'), data: z.array(triggerSchema), has_more: z.boolean() }).meta({ id: 'TriggerList' });
export const disableTriggerRequest = z.strictObject({});

export const merchantEventRequest = z
  .strictObject({
    type: z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, { message: 'letters, digits and . _ : -' }),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .meta({ id: 'MerchantEventRequest', example: { type: 'order.shipped', data: { order_id: 'A-1', total: 1990 } } });

export const merchantEventResultSchema = z
  .object({
    id: z.string(),
    object: z.literal('merchant_event'),
    type: z.string(),
    firings: z.array(z.object({ trigger_id: z.string(), action: z.enum(['payment', 'payout']), result: z.union([z.object({ id: z.string(), status: z.string() }), z.object({ error: z.string() })]) })),
  })
  .meta({ id: 'MerchantEventResult' });
