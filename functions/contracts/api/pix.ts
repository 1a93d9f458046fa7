/** Pix endpoints of API.md ("Pix", "Sandbox"): request and response schemas. */
import * as z from 'zod';
import { metadataSchema, positiveAmountSchema } from './common.js';

const taxIdSchema = z.string().regex(/^(\d{11}|[0-9A-Z]{14})$/, { message: 'must be a CPF (11 digits) or a CNPJ (14 characters), without punctuation' });

export const createPixChargeRequest = z
  .strictObject({
    amount: positiveAmountSchema,
    description: z.string().min(1).max(140).optional(),
    /** Seconds the charge stays payable (API Pix `calendario.expiracao`). */
    expires_in: z.number().int().min(60).max(30 * 86_400).optional(),
    payer: z.strictObject({ name: z.string().min(1).max(200), tax_id: taxIdSchema }).optional(),
    metadata: metadataSchema.optional(),
  })
  .meta({ id: 'CreatePixChargeRequest', example: { amount: 1990, description: 'Order A-1', expires_in: 3600 } });

export const pixChargeSchema = z
  .object({
    object: z.literal('pix_charge'),
    id: z.string(),
    txid: z.string(),
    status: z.enum(['ATIVA', 'CONCLUIDA', 'REMOVIDA_PELO_USUARIO_RECEBEDOR', 'EXPIRADA']),
    amount: z.number().int(),
    currency: z.literal('brl'),
    brcode: z.string(),
    qr_svg: z.string().optional(),
    payment_id: z.string(),
    expires_at: z.string(),
    description: z.string().optional(),
    end_to_end_id: z.string().optional(),
    paid_at: z.string().optional(),
    created: z.string(),
  })
  .meta({ id: 'PixCharge' });

export const decodeBrCodeRequest = z.strictObject({ payload: z.string().min(1).max(4096) }).meta({ id: 'DecodeBrCodeRequest' });

export const decodedBrCodeSchema = z
  .object({ kind: z.enum(['static', 'dynamic', 'rec-only', 'composite']), fields: z.record(z.string(), z.unknown()), warnings: z.array(z.string()) })
  .meta({ id: 'DecodedBrCode' });

export const staticBrCodeRequest = z
  .strictObject({
    key: z.string().min(1).max(100),
    amount: positiveAmountSchema.optional(),
    merchant_name: z.string().min(1).max(100),
    merchant_city: z.string().min(1).max(100),
    txid: z.string().min(1).max(25).optional(),
    description: z.string().min(1).max(72).optional(),
  })
  .meta({ id: 'StaticBrCodeRequest', example: { key: '123e4567-e89b-12d3-a456-426614174000', amount: 1050, merchant_name: 'Loja Exemplo', merchant_city: 'Sao Paulo' } });

export const staticBrCodeSchema = z.object({ payload: z.string(), qr_svg: z.string() }).meta({ id: 'StaticBrCode' });

export const sandboxPixPayRequest = z
  .strictObject({
    txid: z.string().min(1).max(35).optional(),
    brcode: z.string().min(1).max(512).optional(),
    amount: positiveAmountSchema.optional(),
    duplicate: z.boolean().optional(),
    delay_ms: z.number().int().min(0).max(60_000).optional(),
  })
  .refine((b) => (b.txid === undefined) !== (b.brcode === undefined), { message: 'give exactly one of txid and brcode', path: ['txid'] })
  .meta({ id: 'SandboxPixPayRequest' });

export const sandboxProcessorRequest = z
  .strictObject({ mode: z.enum(['up', 'down', 'slow']), success_rate: z.number().min(0).max(1).optional(), latency_ms: z.number().int().min(0).max(60_000).optional() })
  .meta({ id: 'SandboxProcessorRequest' });

export type CreatePixChargeRequest = z.infer<typeof createPixChargeRequest>;
