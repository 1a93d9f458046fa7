import * as z from 'zod';
import { positiveAmountSchema } from './common.js';

export const createRefundRequest = z
  .strictObject({
    payment_id: z.string().regex(/^pay_[0-9A-Za-z]+$/, { message: 'must be a payment id (pay_…)' }),
    amount: positiveAmountSchema.optional(),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'other']).optional(),
  })
  .meta({ id: 'CreateRefundRequest', example: { payment_id: 'pay_123', amount: 500, reason: 'requested_by_customer' } });

export const refundSchema = z
  .object({
    id: z.string(),
    object: z.literal('refund'),
    payment_id: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    reason: z.string().optional(),
    failure_code: z.string().optional(),
    created: z.string(),
  })
  .meta({ id: 'Refund' });
