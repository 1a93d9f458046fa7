/**
 * Payment use cases behind the API: create (runs the saga), retrieve, list, capture, cancel and the
 * audit trail. The card saga itself lives in saga/; these functions only decide what to start.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { AppError, invalid, invalidState, notFound } from '../core/errors.js';
import { buildEvent } from './events.js';
import { deterministicId } from '../core/ids.js';
import { cardCaptureEntry } from '../core/ledger/index.js';
import { verifyChain } from '../core/audit/index.js';
import { isFinal, transition, paymentView, type Payment } from '../core/payments/index.js';
import type { CreatePaymentRequest } from '../contracts/api/payments.js';
import type { AuditTrail } from './ports/audit-trail.js';
import type { CardProcessor } from './ports/card-processor.js';
import type { Ledger } from './ports/ledger.js';
import type { PaymentMethodStore } from './ports/payment-method-store.js';
import type { PaymentStore } from './ports/payment-store.js';
import type { PaymentWorkflow } from './ports/payment-workflow.js';
import type { Clock } from './ports/system.js';
import type { Vault } from './ports/vault.js';

export type Payer = { merchantId: string; agentId?: string; mandateId?: string };

export interface CreatePaymentDeps {
  readonly payments: PaymentStore;
  readonly paymentMethods: PaymentMethodStore;
  readonly workflow: PaymentWorkflow;
  readonly clock: Clock;
  /** Seals the customer's personal data at rest; without a vault it is not kept at all. */
  readonly vault?: Vault;
}

/** Binds a payment's sealed customer data to that payment (a copied ciphertext will not open). */
export const customerSealContext = (merchantId: string, paymentId: string) => ({ merchant_id: merchantId, payment_id: paymentId, purpose: 'customer' });

const draft = (at: Date, actor: string, action: string, data: unknown) => ({ at: at.toISOString(), actor, action, data });

/**
 * Creates a card payment and runs its saga before answering. The payment id is derived from the
 * merchant, the Idempotency-Key and the request, so a retry after a crash (whose idempotency
 * record was dropped with its 5xx) resumes the same payment instead of charging again.
 */
/** The payment id a create request stands for (stable across retries of the same request). */
export function paymentIdFor(input: CreatePaymentRequest, payer: Payer, idempotencyKey: string): string {
  return deterministicId('pay', payer.merchantId, payer.agentId ?? '', idempotencyKey, canonicalJson(input));
}

/** What the agent-access checks decided before the saga starts (app/agent-payments.ts). */
export interface AgentPaymentOptions {
  readonly openMandateId?: string;
  readonly approvalRequired?: 'mandate_threshold';
}

export async function createCardPayment(input: CreatePaymentRequest, payer: Payer, idempotencyKey: string, deps: CreatePaymentDeps, opts: AgentPaymentOptions = {}): Promise<Payment> {
  if (input.payment_method.type !== 'card') throw invalid('Use createPixPayment for Pix', 'payment_method.type');
  const now = deps.clock.now();
  const pm = await deps.paymentMethods.get(payer.merchantId, input.payment_method.token);
  if (!pm) throw invalid(`No such payment method: ${input.payment_method.token}`, 'payment_method.token');
  const id = paymentIdFor(input, payer, idempotencyKey);
  const draftPayment: Payment = {
    id, merchant_id: payer.merchantId, status: 'processing', amount: input.amount, currency: input.currency,
    amount_captured: 0, amount_refunded: 0, capture_method: input.capture_method,
    payment_method: { type: 'card', id: pm.id, brand: pm.card.brand, last4: pm.card.last4, exp_month: pm.card.expMonth, exp_year: pm.card.expYear, fingerprint: pm.card.fingerprint, bin: pm.card.bin },
    processor: null, attempts: [], decision: {}, next_action: null, failure: null,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
    ...(input.customer && deps.vault ? { customer_sealed: await deps.vault.seal(JSON.stringify(input.customer), customerSealContext(payer.merchantId, id)) } : {}),
    ...(payer.agentId ? { agent_id: payer.agentId } : {}), ...(payer.mandateId ? { mandate_id: payer.mandateId } : {}),
    ...(input.quote_id ? { quote_id: input.quote_id } : {}),
    ...(opts.openMandateId ? { open_mandate_id: opts.openMandateId } : {}),
    created: now.toISOString(), updated: now.toISOString(), version: 1, idempotency_key: idempotencyKey,
    audit_head: { seq: 0, hash: '0'.repeat(64) }, ledger_entries: [],
  };
  const actor = payer.agentId ? `agent:${payer.agentId}` : `merchant:${payer.merchantId}`;
  const { payment } = await deps.payments.create(draftPayment, { audit: [draft(now, actor, 'payment.created', { amount: input.amount, currency: input.currency, capture_method: input.capture_method, payment_method: pm.id })] });
  if (isFinal(payment.status) || payment.status === 'authorized' || payment.status === 'requires_approval') return payment;
  const out = await deps.workflow.run({
    payment, sealed_card: { payment_method_id: pm.id, sealed: pm.sealed },
    ...(input.customer ? { customer: input.customer } : {}),
    ...(opts.approvalRequired ? { approval_required: opts.approvalRequired } : {}),
  });
  return out.payment;
}

export async function getPayment(payments: PaymentStore, merchantId: string, id: string): Promise<Payment> {
  const p = await payments.get(merchantId, id);
  if (!p) throw notFound('payment');
  return p;
}

export interface CaptureDeps {
  readonly payments: PaymentStore;
  readonly processors: Readonly<Record<string, CardProcessor>>;
  readonly ledger: Ledger;
  readonly clock: Clock;
}

/** Captures an authorized payment (all of it, or less: the rest of the authorization is released). */
export async function capturePayment(merchantId: string, id: string, amount: number | undefined, deps: CaptureDeps): Promise<Payment> {
  const p = await getPayment(deps.payments, merchantId, id);
  if (p.status !== 'authorized') throw invalidState(`Only an authorized payment can be captured; this one is ${p.status}`);
  const toCapture = amount ?? p.amount;
  if (toCapture > p.amount) throw new AppError('invalid_state', `Cannot capture ${toCapture}: only ${p.amount} was authorized`, { param: 'amount' });
  const processor = p.processor ? deps.processors[p.processor] : undefined;
  if (!processor || !p.processor_reference) throw invalidState('The payment has no authorization to capture');
  const r = await processor.capture({ reference: p.processor_reference, amount: toCapture, currency: p.currency, idempotencyKey: `${p.id}:capture` });
  if (r.status !== 'captured') throw new AppError('processor_unavailable', `The processor refused the capture (${r.code})`);
  const now = deps.clock.now();
  const entry = cardCaptureEntry({ merchantId, paymentId: p.id, psp: p.processor!, currency: p.currency, amount: r.amountCaptured, createdAt: now.toISOString() });
  await deps.ledger.post(entry);
  const next = transition(p, 'succeeded', now, {
    amount_captured: r.amountCaptured,
    attempts: p.attempts.map((a) => (a.reference === p.processor_reference && a.status === 'authorized' ? { ...a, status: 'captured' as const } : a)),
    ledger_entries: [...new Set([...p.ledger_entries, entry.id])],
  });
  return deps.payments.update(next, {
    events: [buildEvent({ type: 'payment.succeeded', merchantId, object: paymentView(next), at: now, dedupeKey: p.id })],
    audit: [draft(now, `merchant:${merchantId}`, 'payment.captured', { amount: r.amountCaptured })],
  });
}

export interface CancelDeps {
  readonly payments: PaymentStore;
  readonly processors: Readonly<Record<string, CardProcessor>>;
  readonly clock: Clock;
  readonly releaseBudget?: (p: Payment) => Promise<void>;
  readonly removePixCharge?: (p: Payment) => Promise<void>;
}

/** Voids an authorization, withdraws a payment awaiting approval, or removes an unpaid Pix charge. */
export async function cancelPayment(merchantId: string, id: string, reason: string | undefined, deps: CancelDeps): Promise<Payment> {
  const p = await getPayment(deps.payments, merchantId, id);
  if (p.status === 'canceled') return p;
  if (p.status === 'authorized') {
    const processor = p.processor ? deps.processors[p.processor] : undefined;
    if (!processor) throw invalidState('The payment has no processor to void at');
    const r = await processor.void({ paymentId: p.id, idempotencyKey: `${p.id}:authorize:${p.processor}`, ...(p.processor_reference ? { reference: p.processor_reference } : {}) });
    if (r.status === 'failed') throw new AppError('processor_unavailable', `The processor refused the void (${r.code})`);
    if (r.status === 'already_captured') throw invalidState('The payment was already captured at the processor');
  } else if (p.status === 'requires_payment') {
    await deps.removePixCharge?.(p);
  } else if (p.status !== 'requires_approval') {
    throw invalidState(`A ${p.status} payment cannot be canceled`);
  }
  const now = deps.clock.now();
  const next = transition(p, 'canceled', now, {
    attempts: p.attempts.map((a) => (a.status === 'authorized' ? { ...a, status: 'voided' as const } : a)),
  });
  const saved = await deps.payments.update(next, {
    events: [buildEvent({ type: 'payment.canceled', merchantId, object: paymentView(next), at: now, dedupeKey: p.id })],
    audit: [draft(now, `merchant:${merchantId}`, 'payment.canceled', { reason: reason ?? null, from: p.status })],
  });
  // Only once the cancel is written: released earlier, a concurrent approval could still charge it.
  if (p.status === 'requires_approval' || p.status === 'authorized' || p.status === 'requires_payment') await deps.releaseBudget?.(p);
  return saved;
}

/** The payment's audit trail, re-verified against the head stored on the payment. */
export async function paymentAudit(payments: PaymentStore, audit: AuditTrail, merchantId: string, id: string) {
  const p = await getPayment(payments, merchantId, id);
  const entries = await audit.list(p.id);
  const v = verifyChain(entries, p.audit_head.seq > 0 ? p.audit_head : undefined);
  return { entries, verified: v.verified };
}
