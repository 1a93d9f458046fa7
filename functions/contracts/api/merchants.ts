import * as z from 'zod';
import { currencySchema } from './common.js';

export const createMerchantRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    default_currency: currencySchema.default('brl'),
    mcc: z.string().regex(/^\d{4}$/, { message: 'must be a 4-digit merchant category code' }).optional().meta({ description: 'Merchant category code (ISO 18245)', example: '5734' }),
    fx_markup_bps: z.number().int().min(0).max(2000).optional().meta({ description: 'FX markup on quotes, basis points' }),
  })
  .meta({ id: 'CreateMerchantRequest', example: { name: 'Loja Exemplo', default_currency: 'brl' } });

export const merchantSchema = z
  .object({
    id: z.string(),
    object: z.literal('merchant'),
    name: z.string(),
    default_currency: z.string(),
    created: z.string(),
    mcc: z.string().optional(),
    secret_key: z.string().optional().meta({ description: 'Shown once, at creation' }),
  })
  .meta({ id: 'Merchant' });

export type CreateMerchantRequest = z.infer<typeof createMerchantRequest>;
export type MerchantView = z.infer<typeof merchantSchema>;
