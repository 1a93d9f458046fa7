/** Schemas of the agents' endpoints: risk labels and the payment assistant (API.md). */
import * as z from 'zod';

export const riskLabelRequest = z
  .strictObject({
    payment_id: z.string().regex(/^pay_[0-9A-Za-z]+$/, { message: 'must be a payment id (pay_…)' }),
    label: z.enum(['fraud', 'legit']),
    source: z.enum(['chargeback', 'med', 'confirmed_fraud', 'review']),
  })
  .meta({ id: 'RiskLabelRequest', example: { payment_id: 'pay_123', label: 'fraud', source: 'chargeback' } });

export const riskLabelSchema = z
  .object({ object: z.literal('risk_label'), id: z.string(), payment_id: z.string(), label: z.enum(['fraud', 'legit']), source: z.string(), status: z.literal('accepted') })
  .meta({ id: 'RiskLabel' });

/** The explain endpoint takes no parameters; an empty object (or no body) is accepted. */
export const explainPaymentRequest = z.strictObject({}).meta({ id: 'ExplainPaymentRequest' });

export const explanationSchema = z
  .object({
    payment_id: z.string(),
    summary: z.string(),
    details: z.array(z.string()),
    source: z.enum(['deterministic', 'bedrock']),
  })
  .meta({ id: 'PaymentExplanation' });
