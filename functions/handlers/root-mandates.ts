/**
 * The agent-access part of the composition root: agents and mandates, budgets, FX quotes and
 * reviews with their approval workflow. Kept apart from root.ts so that functions which never
 * touch them do not bundle them.
 */
import { DynamoDbAgentStore } from '../adapters/dynamodb/agents.js';
import { DynamoDbBudgetReservations } from '../adapters/dynamodb/budgets.js';
import { DynamoDbQuoteStore } from '../adapters/dynamodb/quotes.js';
import { DynamoDbReviewStore } from '../adapters/dynamodb/reviews.js';
import { HttpFxRates } from '../adapters/fx/http-rates.js';
import { ReferenceFxRates } from '../adapters/fx/reference-rates.js';
import { StepFunctionsApprovalWorkflow } from '../adapters/stepfunctions/approval-workflow.js';
import { openReview, type ApprovalDeps } from '../app/approvals.js';
import type { QuoteDeps } from '../app/quotes.js';
import type { AgentStore } from '../app/ports/agent-store.js';
import type { FxRates } from '../app/ports/fx-rates.js';
import type { QuoteStore } from '../app/ports/quote-store.js';
import type { ApprovalWorkflow, ReviewStore } from '../app/ports/review-store.js';
import type { ApprovalRequests, BudgetReservations } from '../app/saga/deps.js';
import { cfg, clock, db, ids, merchantStore, once } from './root.js';

export const agentStore = once((): AgentStore => new DynamoDbAgentStore(db(), cfg().tables.platform));
export const budgets = once((): BudgetReservations => new DynamoDbBudgetReservations(db(), cfg().tables.platform));
export const quoteStore = once((): QuoteStore => new DynamoDbQuoteStore(db(), cfg().tables.platform));
export const reviewStore = once((): ReviewStore => new DynamoDbReviewStore(db(), cfg().tables.platform));
export const fxRates = once((): FxRates => (cfg().FX_RATES_URL ? new HttpFxRates(cfg().FX_RATES_URL!) : new ReferenceFxRates()));

export const approvalWorkflow = once((): ApprovalWorkflow => {
  const arn = cfg().STATE_MACHINE_PAYMENT_APPROVAL_ARN;
  if (!arn) throw new Error('STATE_MACHINE_PAYMENT_APPROVAL_ARN is not configured');
  return new StepFunctionsApprovalWorkflow(cfg().AWS_REGION, arn);
});

export const approvalDeps = once((): ApprovalDeps => ({
  reviews: reviewStore(), workflow: approvalWorkflow(), clock, dualAbove: cfg().APPROVAL_DUAL_ABOVE,
}));

export const quoteDeps = once((): QuoteDeps => ({
  quotes: quoteStore(), rates: fxRates(), merchants: merchantStore(), clock, ids, ttlSeconds: cfg().FX_QUOTE_TTL_SECONDS, defaultMarkupBps: cfg().FX_DEFAULT_MARKUP_BPS,
}));

/** What the payment saga needs from agent access: budget reservations and approval requests. */
export const agentSagaDeps = once((): { budgets: BudgetReservations; approvals: ApprovalRequests } => ({
  budgets: budgets(),
  approvals: { open: async (p, reason) => void (await openReview(p, reason, approvalDeps())) },
}));
