import { cancelPayment, capturePayment, getPayment, paymentAudit } from '../../app/payments.js';
import { createPayment } from '../../app/agent-payments.js';
import { releaseBudgets } from '../../app/saga/budgets.js';
import { cancelPaymentRequest, capturePaymentRequest, createPaymentRequest, listPaymentsQuery } from '../../contracts/api/payments.js';
import { AppError } from '../../core/errors.js';
import { paymentView } from '../../core/payments/index.js';
import { actingMerchant, httpApi, type RouteRequest } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { auditTrail, clock, idempotencyStore, ledger, merchantStore, paymentMethodStore, paymentStore, vault } from '../root.js';
import { cardProcessors, paymentWorkflow } from '../root-payments.js';
import { agentStore, budgets, quoteStore } from '../root-mandates.js';
import { pixDeps } from '../root-pix.js';
import { createPixPaymentFromRequest } from '../../app/pix/charges.js';
import { removePixCharge } from '../../app/pix/expiry.js';

const id = (req: RouteRequest) => req.params['id'] ?? '';

/** An agent key sees only its own agent's payments (API.md: forbidden otherwise). */
function visibleTo(req: RouteRequest, p: { agent_id?: string }): void {
  if (req.principal?.kind === 'agent' && p.agent_id !== req.principal.agentId) throw new AppError('not_found', 'No such payment');
}

export const handler = httpApi(
  {
    'POST /v1/payments': async (req) => {
      const input = parseWith(createPaymentRequest, req.body ?? {});
      const p = req.principal!;
      const payer = p.kind === 'agent' ? { merchantId: p.merchantId, agentId: p.agentId, mandateId: p.mandateId } : { merchantId: actingMerchant(req) };
      if (input.payment_method.type === 'pix' && (input.mandate_token || req.headers['agentpay-mandate'])) {
        throw new AppError('invalid_request', 'Open payment mandates apply to card payments; Pix charges use the agent key\'s mandate', { param: 'mandate_token' });
      }
      if (input.payment_method.type === 'pix') return json(201, paymentView(await createPixPaymentFromRequest(input, req.body, payer, req.headers['idempotency-key']!, pixDeps())));
      const deps = { payments: paymentStore(), paymentMethods: paymentMethodStore(), workflow: paymentWorkflow(), clock, vault: vault(), agents: agentStore(), merchants: merchantStore(), quotes: quoteStore() };
      const payment = await createPayment(input, payer, req.headers['idempotency-key']!, deps, req.headers['agentpay-mandate']);
      return json(201, paymentView(payment));
    },
    'GET /v1/payments': async (req) => {
      const q = parseWith(listPaymentsQuery, req.query);
      const r = await paymentStore().list(actingMerchant(req), { limit: q.limit, startingAfter: q.starting_after, status: q.status });
      const data = req.principal?.kind === 'agent' ? r.data.filter((x) => x.agent_id === (req.principal as { agentId: string }).agentId) : r.data;
      return json(200, { object: 'list', data: data.map(paymentView), has_more: r.hasMore });
    },
    'GET /v1/payments/{id}': async (req) => {
      const p = await getPayment(paymentStore(), actingMerchant(req), id(req));
      visibleTo(req, p);
      return json(200, paymentView(p));
    },
    'POST /v1/payments/{id}/capture': async (req) => {
      const input = parseWith(capturePaymentRequest, req.body ?? {});
      const p = await capturePayment(actingMerchant(req), id(req), input.amount, { payments: paymentStore(), processors: cardProcessors(), ledger: ledger(), clock });
      return json(200, paymentView(p));
    },
    'POST /v1/payments/{id}/cancel': async (req) => {
      const input = parseWith(cancelPaymentRequest, req.body ?? {});
      const existing = await getPayment(paymentStore(), actingMerchant(req), id(req));
      visibleTo(req, existing);
      const p = await cancelPayment(actingMerchant(req), id(req), input.reason, { payments: paymentStore(), processors: cardProcessors(), clock, removePixCharge: (x) => removePixCharge(x, pixDeps()), releaseBudget: (x) => releaseBudgets(x, budgets()) });
      return json(200, paymentView(p));
    },
    'GET /v1/payments/{id}/audit': async (req) => json(200, await paymentAudit(paymentStore(), auditTrail(), actingMerchant(req), id(req))),
  },
  [idempotency(idempotencyStore)],
);
