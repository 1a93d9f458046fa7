/**
 * Every function of the platform, declared once. CDK builds one NodejsFunction per entry (with the
 * grants listed in `access`); the local runtime loads the same `entry` module and calls its
 * exported `handler`. Routes, event consumers, schedules and ASL placeholders refer to these ids.
 */
import type { TableDef } from './tables.js';

export type FunctionKind = 'authorizer' | 'api' | 'webhook' | 'saga' | 'stream' | 'consumer' | 'schedule' | 'connector';
export type TableAccess = Partial<Record<TableDef['id'], 'read' | 'readwrite'>>;

export interface FunctionDef {
  readonly id: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly kind: FunctionKind;
  readonly description: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly access: {
    readonly tables: TableAccess;
    /** May use the KMS key (field encryption, card vault). */
    readonly kms?: boolean;
    /** May put events on the platform bus. */
    readonly bus?: boolean;
    /** State machine ids (see asl.ts) this function starts or answers task tokens of. */
    readonly stateMachines?: readonly string[];
    /** May create one-off schedules (EventBridge Scheduler). */
    readonly scheduler?: boolean;
    /** May call Bedrock (assistant). */
    readonly bedrock?: boolean;
    /** Connector functions it invokes (Lambda Invoke); each gets `CONNECTOR_<PROCESSOR>_FUNCTION`. */
    readonly invokes?: readonly string[];
    /** Settings (config.ts names) it reads from the processor secret on AWS (`-c processorSecretArn`). */
    readonly secrets?: readonly string[];
  };
}

const PIX_SECRETS = ['PIX_API_BASE', 'PIX_CLIENT_ID', 'PIX_CLIENT_SECRET', 'PIX_RECEIVER_KEY'];

/** The card connector functions (see CONNECTORS below). */
const CONNECTOR_IDS = ['ConnectorStripe', 'ConnectorAdyen'];

const all: TableAccess = { Ledger: 'readwrite', Idempotency: 'readwrite', Platform: 'readwrite', Audit: 'readwrite' };

export const FUNCTIONS = [
  { id: 'Authorizer', entry: 'functions/handlers/api/authorizer.ts', kind: 'authorizer', description: 'API key authorizer (hashed keys)', timeoutSeconds: 5, memoryMb: 256, access: { tables: { Platform: 'read' } } },
  { id: 'MetaApi', entry: 'functions/handlers/api/meta.ts', kind: 'api', description: 'GET /health, GET /v1/openapi.json', timeoutSeconds: 5, memoryMb: 256, access: { tables: {} } },
  { id: 'AdminApi', entry: 'functions/handlers/api/admin.ts', kind: 'api', description: 'Operator endpoints: merchants', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite', Audit: 'readwrite' } } },
  { id: 'PaymentsApi', entry: 'functions/handlers/api/payments.ts', kind: 'api', description: 'Payments: create (runs the saga), get, list, capture, cancel, audit, explain', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment'], invokes: CONNECTOR_IDS, secrets: PIX_SECRETS } },
  { id: 'RefundsApi', entry: 'functions/handlers/api/refunds.ts', kind: 'api', description: 'Refunds', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true, invokes: CONNECTOR_IDS, secrets: PIX_SECRETS } },
  { id: 'PaymentMethodsApi', entry: 'functions/handlers/api/payment-methods.ts', kind: 'api', description: 'Card tokenization into the vault', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' }, kms: true } },
  { id: 'LedgerApi', entry: 'functions/handlers/api/ledger.ts', kind: 'api', description: 'Ledger balances', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Ledger: 'read', Platform: 'read' } } },
  { id: 'WebhookEndpointsApi', entry: 'functions/handlers/api/webhook-endpoints.ts', kind: 'api', description: 'Merchant webhook endpoints and delivery log', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true } },
  { id: 'SandboxApi', entry: 'functions/handlers/api/sandbox.ts', kind: 'api', description: 'Sandbox controls (404 in live mode)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'read' }, secrets: PIX_SECRETS } },
  { id: 'PaymentSteps', entry: 'functions/handlers/saga/payment-steps.ts', kind: 'saga', description: 'The payment saga steps and their compensations', timeoutSeconds: 30, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment-approval'], invokes: CONNECTOR_IDS } },
  { id: 'OutboxPublisher', entry: 'functions/handlers/streams/outbox-publisher.ts', kind: 'stream', description: 'Publishes outbox records from the platform table stream to EventBridge', timeoutSeconds: 30, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, bus: true } },
  { id: 'WebhookDispatcher', entry: 'functions/handlers/agents/webhook-dispatcher.ts', kind: 'consumer', description: 'Signs and delivers merchant webhooks', timeoutSeconds: 30, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true } },
  { id: 'EventLog', entry: 'functions/handlers/agents/event-log.ts', kind: 'consumer', description: 'Keeps every event in the per-merchant event log (GET /v1/events)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' } } },
  { id: 'EventsApi', entry: 'functions/handlers/api/events.ts', kind: 'api', description: 'The merchant event log', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'read' } } },
  { id: 'WebhookRetry', entry: 'functions/handlers/schedules/webhook-retry.ts', kind: 'schedule', description: 'Retries due webhook deliveries with exponential backoff', timeoutSeconds: 60, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true } },
  { id: 'PayoutsApi', entry: 'functions/handlers/api/payouts.ts', kind: 'api', description: 'Bulk Pix payout batches: create, get, items, CSV report, pause/resume/cancel', timeoutSeconds: 29, memoryMb: 512, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' }, kms: true, stateMachines: ['payout-batch'], scheduler: true } },
  { id: 'PayoutSteps', entry: 'functions/handlers/saga/payout-steps.ts', kind: 'saga', description: 'Payout batch workflow steps: load page, pay item, finalize, record failure', timeoutSeconds: 300, memoryMb: 512, access: { tables: { Platform: 'readwrite', Ledger: 'readwrite' }, kms: true, secrets: PIX_SECRETS } },
  { id: 'PayoutBatchStart', entry: 'functions/handlers/schedules/payout-batch-start.ts', kind: 'schedule', description: 'Starts a scheduled payout batch; the sweep resumes batches whose execution is gone', timeoutSeconds: 60, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true, stateMachines: ['payout-batch'] } },
  { id: 'PaymentSweeper', entry: 'functions/handlers/schedules/payment-sweeper.ts', kind: 'schedule', description: 'Resumes card payments left processing after their saga died (every payment ends final)', timeoutSeconds: 300, memoryMb: 256, access: { tables: { Platform: 'read' }, stateMachines: ['payment'] } },
  { id: 'StripeWebhook', entry: 'functions/handlers/webhooks/stripe.ts', kind: 'webhook', description: 'Stripe webhooks: signature verified, each event once; disputes become risk labels', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, secrets: ['STRIPE_WEBHOOK_SECRET'] } },
  { id: 'AdyenWebhook', entry: 'functions/handlers/webhooks/adyen.ts', kind: 'webhook', description: 'Adyen notifications: HMAC verified, each item once; REFUND settles Adyen card refunds (ledger entry, event)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Ledger: 'readwrite', Audit: 'readwrite' }, secrets: ['ADYEN_HMAC_KEY'] } },
  { id: 'ConnectorStripe', entry: 'functions/handlers/connectors/stripe.ts', kind: 'connector', description: 'Stripe connector: CardProcessor calls through the stripe SDK', timeoutSeconds: 20, memoryMb: 512, access: { tables: {}, secrets: ['STRIPE_API_KEY'] } },
  { id: 'ConnectorAdyen', entry: 'functions/handlers/connectors/adyen.ts', kind: 'connector', description: 'Adyen connector: CardProcessor calls through @adyen/api-library', timeoutSeconds: 20, memoryMb: 512, access: { tables: {}, secrets: ['ADYEN_API_KEY', 'ADYEN_MERCHANT_ACCOUNT', 'ADYEN_CHECKOUT_BASE'] } },
  { id: 'RoutingAgent', entry: 'functions/handlers/agents/routing-agent.ts', kind: 'consumer', description: 'Routing agent: learns success rates and breaker state from attempt outcomes', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' } } },
  { id: 'RiskAgent', entry: 'functions/handlers/agents/risk-agent.ts', kind: 'consumer', description: 'Risk agent: entity records from payment outcomes, model/threshold/trust learning from labels', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' } } },
  { id: 'RiskApi', entry: 'functions/handlers/api/risk-labels.ts', kind: 'api', description: 'Risk labels (chargebacks, MED, confirmed fraud, review verdicts)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' } } },
  { id: 'AssistantApi', entry: 'functions/handlers/api/assistant.ts', kind: 'api', description: 'Explains a payment from its decisions and audit trail (Bedrock when configured)', timeoutSeconds: 29, memoryMb: 256, access: { tables: { Platform: 'read', Audit: 'read' }, bedrock: true } },
  { id: 'CardReconciliation', entry: 'functions/handlers/schedules/card-reconciliation.ts', kind: 'schedule', description: 'Matches Stripe/Adyen records to ledger entries; reports and announces discrepancies', timeoutSeconds: 300, memoryMb: 512, access: { tables: { Ledger: 'read', Platform: 'readwrite' }, secrets: ['STRIPE_API_KEY'] } },
  { id: 'PixApi', entry: 'functions/handlers/api/pix.ts', kind: 'api', description: 'Pix charges and BR Code tools', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, secrets: PIX_SECRETS } },
  { id: 'PixWebhook', entry: 'functions/handlers/webhooks/pix.ts', kind: 'webhook', description: 'API Pix callbacks: confirm each Pix with the PSP, then credit it once', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true, secrets: PIX_SECRETS } },
  { id: 'PixExpiry', entry: 'functions/handlers/schedules/pix-expiry.ts', kind: 'schedule', description: 'Expires unpaid Pix charges (crediting any the PSP saw paid)', timeoutSeconds: 120, memoryMb: 256, access: { tables: all, secrets: PIX_SECRETS } },
  { id: 'PixRefunds', entry: 'functions/handlers/schedules/pix-refunds.ts', kind: 'schedule', description: 'Polls pending Pix devoluções until DEVOLVIDO or NAO_REALIZADO', timeoutSeconds: 120, memoryMb: 256, access: { tables: all, secrets: PIX_SECRETS } },
  { id: 'PixReconcile', entry: 'functions/handlers/schedules/pix-reconcile.ts', kind: 'schedule', description: 'Matches the PSP received Pix (GET /pix) to the ledger; emits discrepancies', timeoutSeconds: 300, memoryMb: 512, access: { tables: all, secrets: PIX_SECRETS } },
  { id: 'AgentsApi', entry: 'functions/handlers/api/agent-mandates.ts', kind: 'api', description: 'Agents and their mandates (agent keys, revocation, budget use)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' } } },
  { id: 'QuotesApi', entry: 'functions/handlers/api/quotes.ts', kind: 'api', description: 'Locked FX quotes', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' } } },
  { id: 'ReviewsApi', entry: 'functions/handlers/api/reviews.ts', kind: 'api', description: 'Human approvals: list reviews, approve, decline (answers the approval workflow’s task token)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' }, stateMachines: ['payment-approval'] } },
  { id: 'McpApi', entry: 'functions/handlers/api/mcp.ts', kind: 'api', description: 'MCP server (Streamable HTTP, stateless JSON) for agents: quotes, payments, refunds, Pix, explanations', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment', 'payment-approval'], secrets: PIX_SECRETS } },
  { id: 'ApprovalSteps', entry: 'functions/handlers/saga/approval-steps.ts', kind: 'saga', description: 'The approval workflow’s steps: keep the task token, resume the approved payment, reject the declined or expired one', timeoutSeconds: 30, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment', 'payment-approval'] } },
  { id: 'SubscriptionsApi', entry: 'functions/handlers/api/subscriptions.ts', kind: 'api', description: 'Subscriptions (card on file or Pix Automático) and their invoices (JSON, HTML, PDF)', timeoutSeconds: 29, memoryMb: 512, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' } } },
  { id: 'SubscriptionRenewals', entry: 'functions/handlers/schedules/subscription-renewals.ts', kind: 'schedule', description: 'Renews due subscriptions: numbered invoice, charge (card saga or Pix Automático cobr), dunning retries', timeoutSeconds: 300, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment'], invokes: CONNECTOR_IDS } },
  { id: 'TriggersApi', entry: 'functions/handlers/api/triggers.ts', kind: 'api', description: 'Conditional triggers and merchant business events (POST /v1/events fires matching triggers)', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment', 'payout-batch'], scheduler: true, invokes: CONNECTOR_IDS } },
  { id: 'TriggerEvaluator', entry: 'functions/handlers/agents/trigger-evaluator.ts', kind: 'consumer', description: 'Evaluates platform events against merchant triggers; disputes feed subscription churn risk', timeoutSeconds: 60, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment', 'payout-batch'], scheduler: true, invokes: CONNECTOR_IDS } },
] as const satisfies readonly FunctionDef[];

/** Connector function of each processor, and the env var through which invokers learn its name. */
export const CONNECTORS = [
  { processor: 'stripe', functionId: 'ConnectorStripe', envVar: 'CONNECTOR_STRIPE_FUNCTION' },
  { processor: 'adyen', functionId: 'ConnectorAdyen', envVar: 'CONNECTOR_ADYEN_FUNCTION' },
] as const;


export type FunctionId = (typeof FUNCTIONS)[number]['id'];

export function functionById(id: string): FunctionDef {
  const f = (FUNCTIONS as readonly FunctionDef[]).find((x) => x.id === id);
  if (!f) throw new Error(`unknown function id ${id}`);
  return f;
}
