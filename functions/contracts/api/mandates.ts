/** Agents and mandates (API.md "Agents and mandates"). */
import * as z from 'zod';
import { BUDGET_PERIODS, MANDATE_PAYMENT_METHODS } from '../../core/mandates/types.js';
import { amountSchema, currencySchema, positiveAmountSchema } from './common.js';

/** An EC P-256 public key as a JWK (RFC 7517/7518 §6.2): the principal that signs open mandates. */
export const principalJwkSchema = z
  .strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    kid: z.string().max(100).optional(),
    alg: z.literal('ES256').optional(),
    use: z.literal('sig').optional(),
  })
  .meta({ id: 'PrincipalJwk', description: 'Public key (ES256) of the principal who signs open payment mandates', example: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' } });

export const createAgentRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(1000).optional(),
    principal_public_key: principalJwkSchema.optional(),
  })
  .meta({ id: 'CreateAgentRequest', example: { name: 'Shopping assistant', description: 'Buys office supplies under a monthly budget' } });

export const agentSchema = z
  .object({
    id: z.string(),
    object: z.literal('agent'),
    name: z.string(),
    description: z.string().optional(),
    trust_score: z.number().min(0).max(1).meta({ description: 'Mean of the agent’s trust posterior, 0..1 (risk agent)' }),
    principal_public_key: principalJwkSchema.optional(),
    created: z.string(),
  })
  .meta({ id: 'Agent', example: { id: 'agt_8Zq', object: 'agent', name: 'Shopping assistant', trust_score: 0.5, created: '2026-11-22T12:00:00.000Z' } });

export const createMandateRequest = z
  .strictObject({
    currency: currencySchema,
    max_amount_per_payment: positiveAmountSchema,
    budget: z.strictObject({ amount: positiveAmountSchema, period: z.enum(BUDGET_PERIODS) }),
    allowed_payment_methods: z.array(z.enum(MANDATE_PAYMENT_METHODS)).min(1),
    allowed_merchant_categories: z.array(z.string().regex(/^\d{4}$/)).min(1).optional(),
    requires_approval_above: amountSchema.optional(),
    expires_at: z.iso.datetime({ offset: true }),
  })
  .meta({
    id: 'CreateMandateRequest',
    example: { currency: 'brl', max_amount_per_payment: 50000, budget: { amount: 200000, period: 'day' }, allowed_payment_methods: ['card', 'pix'], allowed_merchant_categories: ['5734'], requires_approval_above: 30000, expires_at: '2027-01-01T00:00:00Z' },
  });

export const mandateSchema = z
  .object({
    id: z.string(),
    object: z.literal('mandate'),
    agent_id: z.string(),
    status: z.enum(['active', 'revoked']),
    currency: z.string(),
    max_amount_per_payment: amountSchema,
    budget: z.object({ amount: amountSchema, period: z.enum(BUDGET_PERIODS) }),
    allowed_payment_methods: z.array(z.enum(MANDATE_PAYMENT_METHODS)),
    allowed_merchant_categories: z.array(z.string()).optional(),
    requires_approval_above: amountSchema.optional(),
    expires_at: z.string(),
    spent: amountSchema.meta({ description: 'Spent in the current budget period' }),
    reserved: amountSchema.meta({ description: 'Held by payments in flight in the current budget period' }),
    agent_key: z.string().optional().meta({ description: 'ak_test_… — shown once, at creation' }),
    created: z.string(),
  })
  .meta({
    id: 'Mandate',
    example: { id: 'mdt_3Kp', object: 'mandate', agent_id: 'agt_8Zq', status: 'active', currency: 'brl', max_amount_per_payment: 50000, budget: { amount: 200000, period: 'day' }, allowed_payment_methods: ['card'], expires_at: '2027-01-01T00:00:00.000Z', spent: 0, reserved: 0, agent_key: 'ak_test_…', created: '2026-11-22T12:00:00.000Z' },
  });

export type CreateAgentRequest = z.infer<typeof createAgentRequest>;
export type CreateMandateRequest = z.infer<typeof createMandateRequest>;
