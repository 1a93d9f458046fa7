/** Schemas of the small operational endpoints, so that every route has one (OpenAPI). */
import * as z from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health', example: { status: 'ok' } });
export const openApiDocumentSchema = z.object({ openapi: z.string(), info: z.unknown(), paths: z.record(z.string(), z.unknown()) }).passthrough().meta({ id: 'OpenApiDocument', example: { openapi: '3.1.0', info: { title: 'Smart-Agent-Pay API' }, paths: {} } });
export const balancesSchema = z
  .object({ balances: z.array(z.object({ account: z.string(), currency: z.string(), amount: z.number().int() })) })
  .meta({ id: 'Balances', example: { balances: [{ account: 'merchant_payable', currency: 'brl', amount: -1990 }, { account: 'processor_receivable:stripe', currency: 'brl', amount: 1990 }] } });
export const sandboxProcessorListSchema = z
  .object({ data: z.array(z.object({ id: z.string(), mode: z.enum(['up', 'down', 'slow']) }).passthrough()) })
  .passthrough()
  .meta({ id: 'SandboxProcessorList', example: { data: [{ id: 'stripe', mode: 'up' }] } });
export const webhookBodySchema = z.record(z.string(), z.unknown()).meta({ id: 'ProcessorWebhook', description: 'The processor’s own payload (Stripe event, API Pix `{ "pix": [ … ] }`), verified before use', example: { pix: [{ endToEndId: 'E00000000202611221200abcdefghijk', txid: 'tx1', valor: '19.90' }] } });
export const webhookAckSchema = z.object({ received: z.boolean() }).passthrough().meta({ id: 'WebhookAck', example: { received: true } });
export const adyenAckSchema = z.literal('[accepted]').meta({ description: 'Adyen’s expected acknowledgement (text/plain), sent once every item was stored' });
export const sandboxResultSchema = z.record(z.string(), z.unknown()).meta({ id: 'SandboxResult', description: 'What the sandbox did (processor mode, or the Pix payment it settled)', example: { id: 'stripe', mode: 'down' } });
