/** Approvals (API.md "Approvals (human in the loop)"). */
import * as z from 'zod';
import { amountSchema, listOf } from './common.js';

export const listReviewsQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'declined', 'expired']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.string().min(1).max(100).optional(),
});

export const decideReviewRequest = z
  .strictObject({ note: z.string().max(500).optional() })
  .meta({ id: 'DecideReviewRequest', example: { note: 'Checked with the customer' } });

export const reviewSchema = z
  .object({
    id: z.string(),
    object: z.literal('review'),
    payment_id: z.string(),
    status: z.enum(['pending', 'approved', 'declined', 'expired']),
    reason: z.enum(['risk_review', 'mandate_threshold']),
    amount: amountSchema,
    currency: z.string(),
    required_approvals: z.number().int(),
    approvals: z.array(z.object({ key_id: z.string(), at: z.string() })),
    agent_id: z.string().optional(),
    created: z.string(),
    updated: z.string(),
  })
  .meta({ id: 'Review', example: { id: 'rev_4Tb', object: 'review', payment_id: 'pay_7Hc', status: 'pending', reason: 'mandate_threshold', amount: 45000, currency: 'brl', required_approvals: 1, approvals: [], created: '2026-11-22T12:00:00.000Z', updated: '2026-11-22T12:00:00.000Z' } });

export const reviewListSchema = listOf(reviewSchema).meta({ id: 'ReviewList' });
