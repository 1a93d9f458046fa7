/**
 * The MCP tools an agent gets (`agentpay mcp`, `/mcp`): each calls the same use case as its HTTP
 * route (never HTTP), with input schemas from the same zod schemas, and answers failures as
 * structured tool errors `{ code, message, param }` with `isError: true`.
 */
import * as z from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createPayment } from '../../app/agent-payments.js';
import { getPayment } from '../../app/payments.js';
import { createQuote, quoteView } from '../../app/quotes.js';
import { createRefund } from '../../app/refunds.js';
import { createPaymentRequest } from '../../contracts/api/payments.js';
import { createQuoteRequest } from '../../contracts/api/quotes.js';
import { createRefundRequest } from '../../contracts/api/refunds.js';
import { AppError } from '../../core/errors.js';
import { paymentView, refundView, type Payment } from '../../core/payments/index.js';
import { BrCodeError, decodeBrCode } from '../../core/pix/index.js';
import { clock, ledger, merchantStore, paymentMethodStore, paymentStore, auditTrail, vault } from '../root.js';
import { cardProcessors, paymentWorkflow } from '../root-payments.js';
import { agentStore, quoteDeps, quoteStore } from '../root-mandates.js';
import { explainPayment } from '../../app/assistant.js';
import { createPixPayment } from '../../app/pix/charges.js';
import { pixChargeView } from '../../app/pix/views.js';
import { createPixChargeRequest } from '../../contracts/api/pix.js';
import { pixDeps } from '../root-pix.js';

export type AgentPrincipal = { readonly merchantId: string; readonly agentId: string; readonly mandateId: string; readonly keyId: string };

/** Money-moving tools take the idempotency key as an input: a retried call never charges twice. */
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, { message: 'must be 1–255 visible ASCII characters' }).meta({ description: 'Idempotency key: the same key and input return the same result without a second charge' });
const paymentId = z.strictObject({ id: z.string().regex(/^pay_/, { message: 'must be a payment id (pay_…)' }) });

/**
 * The HTTP API's request schemas, re-wrapped without their OpenAPI component id: MCP wants each
 * tool's input schema inline (`type: "object"`), not a `$ref` into definitions.
 */
export const TOOL_INPUTS = {
  create_quote: z.strictObject(createQuoteRequest.shape),
  create_payment: z.strictObject({ ...createPaymentRequest.shape, idempotency_key: idempotencyKey }),
  get_payment: paymentId,
  refund_payment: z.strictObject({ ...createRefundRequest.shape, idempotency_key: idempotencyKey }),
  create_pix_charge: z.strictObject({ ...createPixChargeRequest.shape, idempotency_key: idempotencyKey }),
  decode_brcode: z.strictObject({ payload: z.string().min(1).max(512) }),
  explain_payment: paymentId,
} as const;

export type ToolName = keyof typeof TOOL_INPUTS;

const ok = (value: Record<string, unknown>): CallToolResult => ({ content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value });

export function toolError(code: string, message: string, param?: string): CallToolResult {
  const error = { code, message, ...(param !== undefined ? { param } : {}) };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error }) }], structuredContent: { error } };
}

/** An agent sees only its own payments; anything else is unknown to it (API.md 404 rule). */
async function ownPayment(a: AgentPrincipal, id: string): Promise<Payment> {
  const p = await getPayment(paymentStore(), a.merchantId, id);
  if (p.agent_id !== a.agentId) throw new AppError('not_found', 'No such payment');
  return p;
}

type Handlers = { [K in ToolName]: (a: AgentPrincipal, input: z.infer<(typeof TOOL_INPUTS)[K]>) => Promise<Record<string, unknown>> };

export const TOOL_HANDLERS: Handlers = {
  create_quote: async (a, input) => quoteView(await createQuote(a.merchantId, input, quoteDeps(), a.agentId)),
  create_payment: async (a, { idempotency_key, ...input }) => {
    if (input.payment_method.type !== 'card') throw new AppError('invalid_request', 'Use create_pix_charge for Pix', { param: 'payment_method.type' });
    const deps = { payments: paymentStore(), paymentMethods: paymentMethodStore(), workflow: paymentWorkflow(), clock, vault: vault(), agents: agentStore(), merchants: merchantStore(), quotes: quoteStore() };
    return paymentView(await createPayment(input, a, idempotency_key, deps));
  },
  get_payment: async (a, { id }) => paymentView(await ownPayment(a, id)),
  refund_payment: async (a, { idempotency_key, ...input }) => {
    await ownPayment(a, input.payment_id);
    return refundView(await createRefund(a.merchantId, input, idempotency_key, { payments: paymentStore(), processors: cardProcessors(), ledger: ledger(), clock }));
  },
  // The same use case as POST /v1/pix/charges: the mandate is checked and its budget held until
  // the charge is paid (settled), expires or is canceled (released).
  create_pix_charge: async (a, { idempotency_key, ...input }) => {
    const r = await createPixPayment(input, input, a, idempotency_key, pixDeps());
    return { ...pixChargeView(r.charge, r.qrSvg), payment_id: r.payment.id };
  },
  decode_brcode: async (_a, { payload }) => {
    try {
      return decodeBrCode(payload) as unknown as Record<string, unknown>;
    } catch (err) {
      if (err instanceof BrCodeError) throw new AppError('invalid_brcode', err.message, { param: 'payload' });
      throw err;
    }
  },
  // The assistant's deterministic explanation from the payment and its audit trail (read-only).
  explain_payment: async (a, { id }) => {
    await ownPayment(a, id);
    return explainPayment(a.merchantId, id, { payments: paymentStore(), audit: auditTrail() });
  },
};

export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  create_quote: 'Lock an FX quote: the exact settlement amount for an amount in another currency, valid until expires_at.',
  create_payment: 'Pay by card under your mandate (budget reserved atomically). Pass quote_id to pay a locked quote. Requires idempotency_key.',
  get_payment: 'Retrieve one of your payments by id.',
  refund_payment: 'Refund one of your payments (all or part of what was captured). Requires idempotency_key.',
  create_pix_charge: 'Create a Pix charge (BR Code, QR) to be paid by a payer, within your mandate (its budget is held until paid or expired). Requires idempotency_key.',
  decode_brcode: 'Decode and validate a Pix BR Code (EMV QR payload), including its CRC.',
  explain_payment: 'Explain in plain words what happened to one of your payments.',
};

/** Runs a tool: input parsed by its schema (again: MCP clients may skip validation), errors structured. */
export async function callTool(name: ToolName, a: AgentPrincipal, raw: unknown): Promise<CallToolResult> {
  const parsed = TOOL_INPUTS[name].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return toolError('invalid_request', issue?.message ?? 'Invalid input', issue?.path.join('.') || undefined);
  }
  try {
    return ok(await (TOOL_HANDLERS[name] as (a: AgentPrincipal, i: unknown) => Promise<Record<string, unknown>>)(a, parsed.data));
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return toolError(err.code, err.message, err.param);
    if (err instanceof AppError && err.code === 'service_unavailable') return toolError(err.code, err.message, err.param);
    return toolError('internal_error', 'An internal error occurred; it is safe to retry with the same idempotency_key.');
  }
}
