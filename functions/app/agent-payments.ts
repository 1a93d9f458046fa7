/**
 * Creating a card payment as the API and the MCP server do it: for an agent key, the mandate's
 * cheap checks first (403 `mandate_violation` naming the limit), an optional open mandate signed
 * by the agent's principal (401 when forged or expired), then the FX quote (consumed once), then
 * the saga — which reserves the budget atomically and may still refuse with `mandate_violation`.
 */
import { AppError, invalid } from '../core/errors.js';
import { mandateFromClaims, mandateViolation, needsApproval, verifyOpenMandate, type Mandate, type MandateViolation } from '../core/mandates/index.js';
import type { Payment } from '../core/payments/index.js';
import type { CreatePaymentRequest } from '../contracts/api/payments.js';
import { createCardPayment, paymentIdFor, type AgentPaymentOptions, type CreatePaymentDeps, type Payer } from './payments.js';
import { consumeQuote } from './quotes.js';
import type { AgentStore } from './ports/agent-store.js';
import type { MerchantStore } from './ports/merchant-store.js';
import type { QuoteStore } from './ports/quote-store.js';

export interface PaymentRequestDeps extends CreatePaymentDeps {
  readonly agents: AgentStore;
  readonly merchants: MerchantStore;
  readonly quotes: QuoteStore;
}

const violated = (v: MandateViolation): AppError => new AppError('mandate_violation', v.message, { param: v.param });

async function openMandate(token: string, payer: Required<Payer>, deps: PaymentRequestDeps, now: Date): Promise<Mandate> {
  const agent = await deps.agents.getAgent(payer.merchantId, payer.agentId);
  if (!agent) throw new AppError('authentication_required', 'Invalid mandate token: unknown agent', { param: 'mandate_token' });
  const wanted = mandateFromClaims(verifyOpenMandate(token, agent, now), agent, now);
  const stored = await deps.agents.registerOpenMandate(wanted);
  // A jti names one mandate: the same id with other claims is a forgery or a replay attempt.
  if (stored.claims_hash !== wanted.claims_hash) throw new AppError('authentication_required', 'Invalid mandate token: jti reused with different claims', { param: 'mandate_token' });
  return stored;
}

export async function createPayment(body: CreatePaymentRequest, payer: Payer, idempotencyKey: string, deps: PaymentRequestDeps, headerToken?: string): Promise<Payment> {
  const { mandate_token: bodyToken, ...input } = body;
  const token = bodyToken ?? headerToken;
  const now = deps.clock.now();
  const opts: { -readonly [K in keyof AgentPaymentOptions]: AgentPaymentOptions[K] } = {};
  if (payer.agentId && payer.mandateId) {
    const agentPayer = { merchantId: payer.merchantId, agentId: payer.agentId, mandateId: payer.mandateId };
    const [mandate, merchant] = await Promise.all([deps.agents.getMandate(payer.mandateId), deps.merchants.get(payer.merchantId)]);
    if (!mandate || mandate.agent_id !== payer.agentId) throw new AppError('mandate_violation', 'The agent key has no usable mandate', { param: 'status' });
    const facts = { amount: input.amount, currency: input.currency, method: input.payment_method.type, merchantId: payer.merchantId, merchantMcc: merchant?.mcc, now };
    const v = mandateViolation(mandate, facts);
    if (v) throw violated(v);
    let approval = needsApproval(mandate, input.amount);
    if (token) {
      const open = await openMandate(token, agentPayer, deps, now);
      const ov = mandateViolation(open, facts);
      if (ov) throw violated(ov);
      opts.openMandateId = open.id;
      approval ||= needsApproval(open, input.amount);
    }
    if (approval) opts.approvalRequired = 'mandate_threshold';
  } else if (token) {
    throw invalid('An open mandate is presented by an agent key', 'mandate_token');
  }
  if (input.quote_id) {
    await consumeQuote(deps.quotes, payer.merchantId, input.quote_id, { id: paymentIdFor(input, payer, idempotencyKey), amount: input.amount, currency: input.currency }, now);
  }
  const payment = await createCardPayment(input, payer, idempotencyKey, deps, opts);
  // The saga's atomic budget reservation refused: the same 403 the cheap checks give.
  if (payment.status === 'failed' && payment.failure?.code === 'mandate_violation') {
    throw new AppError('mandate_violation', payment.failure.message, { param: payment.failure.param ?? 'budget' });
  }
  return payment;
}
