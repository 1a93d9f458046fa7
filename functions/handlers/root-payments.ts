/**
 * The card-payment part of the composition root: processors (Stripe, Adyen SDKs), decisions and
 * the saga. Kept apart from root.ts so functions that never touch a processor (the authorizer,
 * event consumers) do not bundle the processor SDKs.
 */
import { StepFunctionsPaymentWorkflow } from '../adapters/stepfunctions/payment-workflow.js';
import { LambdaCardProcessor, lambdaClient } from '../adapters/lambda/card-processor.js';
import { AgentRiskAssessor } from '../app/decisions/agent-risk.js';
import { AgentRouter } from '../app/decisions/agent-router.js';
import type { ProcessorPrior } from '../app/decisions/static-router.js';
import { CURRENCY_EXPONENT } from '../core/money.js';
import type { CardProcessor } from '../app/ports/card-processor.js';
import type { RiskAssessor, Router } from '../app/ports/decisions.js';
import type { PaymentWorkflow } from '../app/ports/payment-workflow.js';
import type { SagaDeps } from '../app/saga/deps.js';
import { agentSagaDeps } from './root-mandates.js';
import { auditTrail, cfg, clock, ledger, once, paymentMethodStore, paymentStore, vault } from './root.js';
import { cardRetryCounter, riskOptions, riskStore, routingStateStore } from './root-agents.js';

/** Every configured card connector, by id. */
export const cardProcessors = once((): Record<string, CardProcessor> => {
  const c = cfg();
  const out: Record<string, CardProcessor> = {};
  for (const [id, fn] of Object.entries(c.connectors)) out[id] = new LambdaCardProcessor(id, fn, lambdaClient(c.AWS_REGION));
  return out;
});

/** Contracted fees and priors per connector, until the routing agent learns better. */
const PRIORS: Record<string, Omit<ProcessorPrior, 'id'>> = {
  stripe: { expectedSuccess: 0.92, fee: { percentBps: 399, fixed: 39 } },
  adyen: { expectedSuccess: 0.9, fee: { percentBps: 350, fixed: 50 } },
};

/** The routing agent over every configured connector, priced from PRIORS' contracted fees. */
export const router = once((): Router => new AgentRouter(routingStateStore(), {
  processors: Object.keys(cardProcessors()).map((id) => {
    const prior = PRIORS[id] ?? { expectedSuccess: 0.85, fee: { percentBps: 400, fixed: 50 } };
    return { id, methods: ['card'], currencies: prior.currencies ?? Object.keys(CURRENCY_EXPONENT), fee: { percent_bps: prior.fee.percentBps, fixed: prior.fee.fixed } };
  }),
}));
export const riskAssessor = once((): RiskAssessor => new AgentRiskAssessor(riskStore(), riskOptions()));

export const paymentWorkflow = once((): PaymentWorkflow => {
  const arn = cfg().STATE_MACHINE_PAYMENT_ARN;
  if (!arn) throw new Error('STATE_MACHINE_PAYMENT_ARN is not configured');
  return new StepFunctionsPaymentWorkflow(cfg().AWS_REGION, arn);
});

export const sagaDeps = once((): SagaDeps => ({
  payments: paymentStore(), paymentMethods: paymentMethodStore(), vault: vault(), processors: cardProcessors(),
  risk: riskAssessor(), router: router(), ledger: ledger(), clock, audit: auditTrail(), cardRetries: cardRetryCounter(),
  ...agentSagaDeps(),
}));
