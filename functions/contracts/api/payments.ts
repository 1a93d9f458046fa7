import * as z from 'zod';
import { PAYMENT_STATUSES } from '../../core/payments/types.js';
import { amountSchema, currencySchema, listOf, metadataSchema, positiveAmountSchema } from './common.js';

export const createPaymentRequest = z
  .strictObject({
    amount: positiveAmountSchema,
    currency: currencySchema,
    payment_method: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('card'), token: z.string().regex(/^pm_[0-9A-Za-z]+$/, { message: 'must be a payment method id (pm_…)' }) }),
      z.strictObject({ type: z.literal('pix') }),
    ]),
    capture_method: z.enum(['automatic', 'manual']).default('automatic'),
    quote_id: z.string().regex(/^qt_/).optional(),
    mandate_token: z.string().min(1).max(8192).optional().meta({ description: 'Open payment mandate: a compact JWS (ES256) signed by the agent’s principal; also accepted as the Agentpay-Mandate header' }),
    description: z.string().max(1000).optional(),
    metadata: metadataSchema.optional(),
    customer: z.strictObject({ email: z.email().optional(), tax_id: z.string().max(18).optional(), name: z.string().min(1).max(200).optional() }).optional(),
  })
  .meta({ id: 'CreatePaymentRequest', example: { amount: 1990, currency: 'brl', payment_method: { type: 'card', token: 'pm_123' }, capture_method: 'automatic', metadata: { order_id: 'A-1' } } });

export const capturePaymentRequest = z.strictObject({ amount: positiveAmountSchema.optional() }).meta({ id: 'CapturePaymentRequest' });
export const cancelPaymentRequest = z.strictObject({ reason: z.string().max(200).optional() }).meta({ id: 'CancelPaymentRequest' });

export const listPaymentsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.string().min(1).max(100).optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
});

const rankedSchema = z.object({ processor: z.string(), expected_success: z.number(), expected_cost: z.number(), score: z.number() });

export const paymentSchema = z
  .object({
    id: z.string(),
    object: z.literal('payment'),
    status: z.enum(PAYMENT_STATUSES),
    amount: amountSchema,
    currency: z.string(),
    amount_captured: amountSchema,
    amount_refunded: amountSchema,
    capture_method: z.enum(['automatic', 'manual']),
    payment_method: z.union([
      z.object({ type: z.literal('card'), id: z.string(), card: z.object({ brand: z.string(), last4: z.string(), exp_month: z.number(), exp_year: z.number(), fingerprint: z.string() }) }),
      z.object({ type: z.literal('pix') }),
    ]),
    processor: z.string().nullable(),
    attempts: z.array(z.object({ processor: z.string(), status: z.string(), failure_code: z.string().optional(), latency_ms: z.number() })),
    decision: z.object({
      risk: z.object({ score: z.number(), outcome: z.enum(['approve', 'review', 'decline']), reasons: z.array(z.object({ feature: z.string(), contribution: z.number() })) }).optional(),
      routing: z.object({ chosen: z.string(), ranked: z.array(rankedSchema), reason: z.string() }).optional(),
    }),
    next_action: z.unknown().nullable(),
    failure: z.object({
      code: z.string(), message: z.string(), retryable: z.boolean(), decline_category: z.string().optional(), param: z.string().optional(),
      next_step: z.object({ action: z.enum(['retry_elsewhere_now', 'retry_later', 'degrade', 'review', 'fail']), at: z.string().optional(), offer: z.literal('pix').optional() }).optional(),
      advice: z.string().optional(),
    }).nullable(),
    description: z.string().optional(),
    metadata: z.record(z.string(), z.string()),
    agent_id: z.string().optional(),
    mandate_id: z.string().optional(),
    quote_id: z.string().optional(),
    created: z.string(),
    updated: z.string(),
  })
  .meta({ id: 'Payment' });

export const paymentListSchema = listOf(paymentSchema).meta({ id: 'PaymentList' });

export const auditResponseSchema = z
  .object({
    entries: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), data: z.unknown(), prev_hash: z.string(), hash: z.string() })),
    verified: z.boolean(),
  })
  .meta({ id: 'AuditTrail' });

export type CreatePaymentRequest = z.infer<typeof createPaymentRequest>;
