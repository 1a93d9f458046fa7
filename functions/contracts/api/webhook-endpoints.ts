import * as z from 'zod';
import { PUBLIC_EVENT_TYPES } from '../events.js';
import { listOf } from './common.js';

export const createWebhookEndpointRequest = z
  .strictObject({
    url: z.string().min(1).max(2048),
    events: z.array(z.enum(['*', ...PUBLIC_EVENT_TYPES] as [string, ...string[]])).min(1).max(32),
    description: z.string().max(500).optional(),
  })
  .meta({ id: 'CreateWebhookEndpointRequest', example: { url: 'https://example.com/hooks', events: ['payment.succeeded', 'refund.succeeded'] } });

export const webhookEndpointSchema = z
  .object({ id: z.string(), object: z.literal('webhook_endpoint'), url: z.string(), events: z.array(z.string()), status: z.string(), created: z.string(), secret: z.string().optional().meta({ description: 'Shown once, at creation' }) })
  .meta({ id: 'WebhookEndpoint' });

export const webhookDeliverySchema = z
  .object({ id: z.string(), object: z.literal('webhook_delivery'), event_id: z.string(), event_type: z.string(), status: z.enum(['pending', 'delivered', 'dead_lettered']), attempts: z.number(), next_attempt_at: z.string().optional(), last_status_code: z.number().optional(), last_error: z.string().optional(), created: z.string(), updated: z.string() })
  .meta({ id: 'WebhookDelivery' });

export const webhookEndpointListSchema = listOf(webhookEndpointSchema);
export const webhookDeliveryListSchema = listOf(webhookDeliverySchema);
