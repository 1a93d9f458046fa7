import * as z from 'zod';
import { currencySchema } from './common.js';

export const createMerchantRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    default_currency: currencySchema.default('brl'),
  })
  .meta({ id: 'CreateMerchantRequest', example: { name: 'Loja Exemplo', default_currency: 'brl' } });

export const merchantSchema = z
  .object({
    id: z.string(),
    object: z.literal('merchant'),
    name: z.string(),
    default_currency: z.string(),
    created: z.string(),
    secret_key: z.string().optional().meta({ description: 'Shown once, at creation' }),
  })
  .meta({ id: 'Merchant' });

export type CreateMerchantRequest = z.infer<typeof createMerchantRequest>;
export type MerchantView = z.infer<typeof merchantSchema>;
