import * as z from 'zod';

export const createPaymentMethodRequest = z
  .strictObject({
    type: z.literal('card'),
    card: z.strictObject({
      number: z.string().min(12).max(23).meta({ description: 'PAN; spaces and dashes allowed. Never stored or logged in clear.' }),
      exp_month: z.number().int().min(1).max(12),
      exp_year: z.number().int().min(0).max(9999),
      cvc: z.string().regex(/^\d{3,4}$/, { message: 'must be 3 or 4 digits' }).optional().meta({ description: 'Checked for shape only; never stored' }),
      holder_name: z.string().max(100).optional(),
    }),
    metadata: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'CreatePaymentMethodRequest', example: { type: 'card', card: { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2030, cvc: '123' } } });

export const paymentMethodSchema = z
  .object({
    id: z.string(),
    object: z.literal('payment_method'),
    type: z.literal('card'),
    card: z.object({ brand: z.string(), last4: z.string(), exp_month: z.number(), exp_year: z.number(), fingerprint: z.string() }),
    created: z.string(),
  })
  .meta({ id: 'PaymentMethod' });

export type CreatePaymentMethodRequest = z.infer<typeof createPaymentMethodRequest>;
