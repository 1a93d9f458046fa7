/** Subscription and invoice API schemas (recurring charges; Stripe's shapes where API.md is silent). */
import * as z from 'zod';
import { amountSchema, currencySchema } from './common.js';

const lineItem = z.strictObject({
  description: z.string().min(1).max(200),
  amount: amountSchema,
  quantity: z.number().int({ message: 'must be an integer' }).min(1).max(10_000),
});

export const createSubscriptionRequest = z
  .strictObject({
    customer: z.strictObject({ email: z.email().optional(), name: z.string().min(1).max(200).optional(), tax_id: z.string().max(18).optional() }).optional(),
    payment_method: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('card'), token: z.string().regex(/^pm_[0-9A-Za-z]+$/, { message: 'must be a payment method id (pm_…)' }) }),
      z.strictObject({ type: z.literal('pix'), debtor: z.strictObject({ name: z.string().min(1).max(140), tax_id: z.string().regex(/^(\d{11}|[0-9A-Z]{14})$/, { message: 'must be a CPF (11 digits) or CNPJ (14)' }) }) }),
    ]),
    items: z.array(lineItem).min(1).max(50),
    currency: currencySchema,
    interval: z.enum(['month', 'week', 'year']),
    interval_count: z.number().int().min(1).max(12).default(1),
    start_at: z.iso.datetime({ offset: true, message: 'must be an RFC 3339 time, e.g. 2026-12-01T09:00:00Z' }).optional(),
  })
  .meta({ id: 'CreateSubscriptionRequest', example: { payment_method: { type: 'card', token: 'pm_123' }, items: [{ description: 'Pro plan', amount: 4990, quantity: 1 }], currency: 'brl', interval: 'month' } });

export const cancelSubscriptionRequest = z.strictObject({});

const churnSchema = z.object({ level: z.enum(['low', 'medium', 'high']), score: z.number(), reasons: z.array(z.string()) });

export const subscriptionSchema = z
  .object({
    id: z.string(),
    object: z.literal('subscription'),
    status: z.enum(['incomplete', 'active', 'past_due', 'unpaid', 'canceled']),
    customer: z.object({ email: z.string().optional(), name: z.string().optional(), tax_id: z.string().optional() }).optional(),
    payment_method: z.union([z.object({ type: z.literal('card'), token: z.string() }), z.object({ type: z.literal('pix'), recurrence_id: z.string(), brcode: z.string().optional() })]),
    items: z.array(z.object({ description: z.string(), amount: z.number().int(), quantity: z.number().int() })),
    currency: z.string(),
    interval: z.enum(['month', 'week', 'year']),
    interval_count: z.number().int(),
    start_at: z.string(),
    current_period_start: z.string(),
    current_period_end: z.string(),
    next_attempt_at: z.string().nullable(),
    latest_invoice: z.string().nullable(),
    churn_risk: churnSchema,
    canceled_at: z.string().nullable(),
    created: z.string(),
    updated: z.string(),
  })
  .meta({ id: 'Subscription' });

export const invoiceSchema = z
  .object({
    id: z.string(),
    object: z.literal('invoice'),
    number: z.string(),
    subscription_id: z.string(),
    status: z.enum(['open', 'paid', 'uncollectible', 'void']),
    currency: z.string(),
    lines: z.array(z.object({ description: z.string(), quantity: z.number().int(), unit_amount: z.number().int(), amount: z.number().int() })),
    subtotal: z.number().int(),
    total: z.number().int(),
    amount_paid: z.number().int(),
    period_start: z.string(),
    period_end: z.string(),
    attempt_count: z.number().int(),
    next_payment_attempt: z.string().nullable(),
    last_failure: z.object({ code: z.string(), category: z.string(), reason: z.string() }).nullable(),
    payment_ids: z.array(z.string()),
    pix: z.object({ txid: z.string() }).optional(),
    created: z.string(),
    paid_at: z.string().nullable(),
  })
  .meta({ id: 'Invoice', description: 'GET /v1/invoices/{id}.html answers the invoice as escaped HTML, {id}.pdf as a one-page PDF 1.4' });
