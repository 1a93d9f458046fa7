/**
 * Pix charges (API.md "Pix", DESIGN.md §2): a payment in `requires_payment` backed by an immediate
 * charge (`cob`) at the PSP, answered with its BR Code and QR. Both `POST /v1/pix/charges` and
 * `POST /v1/payments {payment_method: {type: "pix"}}` land here.
 *
 * Idempotent like the card flow: the payment id is derived from (merchant, agent, Idempotency-Key,
 * request) and the txid from the payment id, so a retry after a crash at any point finds the same
 * cob at the PSP (`PUT /cob/{txid}` replays an unrevised charge) and the same records here.
 */
import { canonicalJson } from '../../core/canonical-json.js';
import { AppError, notFound } from '../../core/errors.js';
import { MandateLimitError } from '../ports/agent-store.js';
import { reserveBudgets } from '../saga/budgets.js';
import { deterministicId } from '../../core/ids.js';
import type { Payment } from '../../core/payments/index.js';
import type { Payer } from '../payments.js';
import type { PixChargeRecord } from '../ports/pix-store.js';
import type { PixDeps } from './deps.js';
import { txidOf } from './ids.js';
import { atPsp } from './psp-errors.js';

/** API.md default for `expires_in`. */
export const DEFAULT_EXPIRES_IN = 3600;

export interface PixChargeRequest {
  readonly amount: number;
  readonly description?: string | undefined;
  readonly expires_in?: number | undefined;
  /** Sent to the PSP as `devedor`; never stored by us nor logged. */
  readonly payer?: { readonly name: string; readonly tax_id: string } | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

export interface PixPaymentResult {
  readonly payment: Payment;
  readonly charge: PixChargeRecord;
  readonly qrSvg: string;
}

/**
 * Creates (or, for a repeated request, finds) the Pix payment and its charge at the PSP.
 * @param request the request body as received: part of the derived ids.
 */
export async function createPixPayment(input: PixChargeRequest, request: unknown, payer: Payer, idempotencyKey: string, deps: PixDeps): Promise<PixPaymentResult> {
  const id = deterministicId('pay', payer.merchantId, payer.agentId ?? '', idempotencyKey, 'pix', canonicalJson(request));
  const existing = await deps.payments.get(payer.merchantId, id);
  const existingCharge = existing && (await deps.pix.getChargeByPayment(id));
  if (existing && existingCharge) return { payment: existing, charge: existingCharge, qrSvg: await deps.qr.svg(existingCharge.brcode) };
  if (payer.agentId) {
    // A Pix charge is paid later by someone else: the agent's budget is held from now (the
    // reservation is keyed by the payment id, so a retry reserves nothing twice) and settled or
    // released by the credit, the expiry or the cancellation.
    if (!deps.agentBudget || !payer.mandateId) throw new AppError('mandate_violation', 'Pix charges are not available to this agent key', { param: 'payment_method' });
    const agent = { merchantId: payer.merchantId, agentId: payer.agentId, mandateId: payer.mandateId };
    await deps.agentBudget.admit(agent, input.amount, deps.clock.now());
    try {
      await reserveBudgets({ id, mandate_id: payer.mandateId, amount: input.amount, currency: 'brl' } as Payment, deps.agentBudget.budgets, deps.clock.now());
    } catch (err) {
      if (err instanceof MandateLimitError) throw new AppError('mandate_violation', err.message, { param: err.param });
      throw err;
    }
  }

  const txid = txidOf(id);
  const cob = await atPsp('create the charge', () =>
    deps.psp.createCharge({
      txid, amount: input.amount, expiresInSeconds: input.expires_in ?? DEFAULT_EXPIRES_IN, receiverKey: deps.receiverKey,
      ...(input.payer ? { payer: { name: input.payer.name, taxId: input.payer.tax_id } } : {}),
      ...(input.description !== undefined ? { description: input.description.slice(0, 140) } : {}),
    }),
  );
  const now = deps.clock.now().toISOString();
  const { charge } = await deps.pix.createCharge({
    txid, payment_id: id, merchant_id: payer.merchantId, amount: input.amount, status: 'active', brcode: cob.brcode,
    expires_at: cob.expiresAt, created: now, updated: now, ...(input.description !== undefined ? { description: input.description } : {}),
  });
  const qrSvg = await deps.qr.svg(charge.brcode);
  const draft: Payment = {
    id, merchant_id: payer.merchantId, status: 'requires_payment', amount: input.amount, currency: 'brl',
    amount_captured: 0, amount_refunded: 0, capture_method: 'automatic', payment_method: { type: 'pix' },
    processor: 'pix', processor_reference: txid,
    attempts: [{ processor: 'pix', status: 'pending', reference: txid, idempotency_key: txid, started: now }],
    decision: {},
    next_action: { type: 'pix_qr', pix: { txid, brcode: charge.brcode, qr_svg: qrSvg, expires_at: charge.expires_at } },
    failure: null,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
    ...(payer.agentId ? { agent_id: payer.agentId } : {}), ...(payer.mandateId ? { mandate_id: payer.mandateId } : {}),
    created: now, updated: now, version: 1, idempotency_key: idempotencyKey,
    audit_head: { seq: 0, hash: '0'.repeat(64) }, ledger_entries: [],
  };
  const actor = payer.agentId ? `agent:${payer.agentId}` : `merchant:${payer.merchantId}`;
  const { payment } = await deps.payments.create(draft, {
    audit: [
      { at: now, actor, action: 'payment.created', data: { amount: input.amount, currency: 'brl', payment_method: 'pix' } },
      { at: now, actor: 'psp:pix', action: 'pix.charge.created', data: { txid, expires_at: charge.expires_at } },
    ],
  });
  return { payment, charge, qrSvg };
}

/** A merchant's charge by txid; another merchant's is `not_found` (never reveal existence). */
export async function getPixCharge(merchantId: string, txid: string, deps: Pick<PixDeps, 'pix'>): Promise<PixChargeRecord> {
  const c = /^[a-zA-Z0-9]{26,35}$/.test(txid) ? await deps.pix.getChargeByTxid(txid) : undefined;
  if (!c || c.merchant_id !== merchantId) throw notFound('pix charge');
  return c;
}

/** Pix is BRL only, always captured on payment (API.md "Payments"). */
export function checkPixPaymentRequest(input: { currency: string; capture_method?: string; quote_id?: string | undefined }): void {
  if (input.currency !== 'brl') throw new AppError('invalid_request', 'Pix payments are in brl', { param: 'currency' });
  if (input.capture_method === 'manual') throw new AppError('invalid_request', 'Pix payments are always captured automatically', { param: 'capture_method' });
  if (input.quote_id !== undefined) throw new AppError('invalid_request', 'A quote cannot be paid by Pix', { param: 'quote_id' });
}

/** `POST /v1/payments` with `payment_method: {type: "pix"}`: the same charge, answered as a Payment. */
export async function createPixPaymentFromRequest(
  input: { amount: number; currency: string; capture_method?: string; quote_id?: string | undefined; description?: string | undefined; metadata?: Readonly<Record<string, string>> | undefined },
  request: unknown, payer: Payer, idempotencyKey: string, deps: PixDeps,
): Promise<Payment> {
  checkPixPaymentRequest(input);
  const r = await createPixPayment({ amount: input.amount, description: input.description, metadata: input.metadata }, request, payer, idempotencyKey, deps);
  return r.payment;
}
