/**
 * The HTTP API's routes, declared once: CDK adds one HTTP API route per entry (integrated with the
 * function of `functionId`), the local server dispatches to the same handler module, and the
 * OpenAPI document is generated from the same list plus the zod schemas in `api/`.
 */
import type { FunctionId } from './functions.js';

/** Who may call: `public` needs no key; the others need a key whose principal has that kind. */
export type RouteAuth = 'public' | 'admin' | 'merchant' | 'merchant_or_agent';

export interface RouteDef {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax: `{id}` parameters. */
  readonly path: string;
  readonly functionId: FunctionId;
  readonly auth: RouteAuth;
  readonly summary: string;
  /** Mutating money endpoint: requires `Idempotency-Key` (API.md). */
  readonly idempotent?: boolean;
}

export const ROUTES = [
  { method: 'GET', path: '/health', functionId: 'MetaApi', auth: 'public', summary: 'Liveness' },
  { method: 'GET', path: '/v1/openapi.json', functionId: 'MetaApi', auth: 'public', summary: 'OpenAPI 3.1 document' },
  { method: 'POST', path: '/v1/admin/merchants', functionId: 'AdminApi', auth: 'admin', summary: 'Create a merchant and its secret key' },
  { method: 'POST', path: '/v1/payments', functionId: 'PaymentsApi', auth: 'merchant_or_agent', summary: 'Create a payment', idempotent: true },
  { method: 'GET', path: '/v1/payments', functionId: 'PaymentsApi', auth: 'merchant_or_agent', summary: 'List payments' },
  { method: 'GET', path: '/v1/payments/{id}', functionId: 'PaymentsApi', auth: 'merchant_or_agent', summary: 'Retrieve a payment' },
  { method: 'POST', path: '/v1/payments/{id}/capture', functionId: 'PaymentsApi', auth: 'merchant', summary: 'Capture an authorized payment', idempotent: true },
  { method: 'POST', path: '/v1/payments/{id}/cancel', functionId: 'PaymentsApi', auth: 'merchant_or_agent', summary: 'Cancel a payment', idempotent: true },
  { method: 'GET', path: '/v1/payments/{id}/audit', functionId: 'PaymentsApi', auth: 'merchant', summary: 'The payment audit trail' },
  { method: 'POST', path: '/v1/payments/{id}/explain', functionId: 'AssistantApi', auth: 'merchant', summary: 'Explain a payment in plain language (read-only)' },
  { method: 'POST', path: '/v1/risk/labels', functionId: 'RiskApi', auth: 'merchant', summary: 'Report what a payment turned out to be (fraud or legit)' },
  { method: 'POST', path: '/v1/refunds', functionId: 'RefundsApi', auth: 'merchant_or_agent', summary: 'Refund a payment', idempotent: true },
  { method: 'GET', path: '/v1/refunds/{id}', functionId: 'RefundsApi', auth: 'merchant_or_agent', summary: 'Retrieve a refund' },
  { method: 'POST', path: '/v1/payment_methods', functionId: 'PaymentMethodsApi', auth: 'merchant_or_agent', summary: 'Tokenize a card' },
  { method: 'GET', path: '/v1/ledger/balances', functionId: 'LedgerApi', auth: 'merchant', summary: 'Ledger balances' },
  { method: 'POST', path: '/v1/webhook_endpoints', functionId: 'WebhookEndpointsApi', auth: 'merchant', summary: 'Register a webhook endpoint' },
  { method: 'GET', path: '/v1/webhook_endpoints', functionId: 'WebhookEndpointsApi', auth: 'merchant', summary: 'List webhook endpoints' },
  { method: 'GET', path: '/v1/webhook_endpoints/{id}/deliveries', functionId: 'WebhookEndpointsApi', auth: 'merchant', summary: 'Delivery log of an endpoint' },
  { method: 'GET', path: '/v1/events', functionId: 'EventsApi', auth: 'merchant', summary: 'List events' },
  { method: 'GET', path: '/v1/events/{id}', functionId: 'EventsApi', auth: 'merchant', summary: 'Retrieve an event' },
  { method: 'GET', path: '/v1/sandbox/processors', functionId: 'SandboxApi', auth: 'admin', summary: 'Sandbox acquirers and their mode' },
  { method: 'POST', path: '/v1/sandbox/processors/{id}', functionId: 'SandboxApi', auth: 'admin', summary: 'Change a sandbox acquirer mode' },
  { method: 'POST', path: '/v1/sandbox/pix/pay', functionId: 'SandboxApi', auth: 'admin', summary: 'Make the Pix sandbox PSP pay a charge and send its webhook' },
  { method: 'POST', path: '/v1/pix/charges', functionId: 'PixApi', auth: 'merchant_or_agent', summary: 'Create a Pix charge (a payment awaiting payment, with its BR Code)', idempotent: true },
  { method: 'GET', path: '/v1/pix/charges/{txid}', functionId: 'PixApi', auth: 'merchant_or_agent', summary: 'Retrieve a Pix charge' },
  { method: 'POST', path: '/v1/pix/brcode/decode', functionId: 'PixApi', auth: 'merchant_or_agent', summary: 'Decode a BR Code' },
  { method: 'POST', path: '/v1/pix/brcode/static', functionId: 'PixApi', auth: 'merchant_or_agent', summary: 'Build a static BR Code and its QR' },
  { method: 'POST', path: '/webhooks/stripe', functionId: 'StripeWebhook', auth: 'public', summary: 'Stripe webhook (Stripe-Signature verified)' },
  { method: 'POST', path: '/webhooks/adyen', functionId: 'AdyenWebhook', auth: 'public', summary: 'Adyen standard webhooks (HMAC verified per item); answers [accepted]' },
  { method: 'POST', path: '/webhooks/pix', functionId: 'PixWebhook', auth: 'public', summary: 'API Pix callback from the PSP (confirmed with the PSP before crediting; mTLS on AWS)' },
  { method: 'POST', path: '/v1/agents', functionId: 'AgentsApi', auth: 'merchant', summary: 'Register an agent' },
  { method: 'GET', path: '/v1/agents/{id}', functionId: 'AgentsApi', auth: 'merchant_or_agent', summary: 'Retrieve an agent with its trust score' },
  { method: 'POST', path: '/v1/agents/{id}/mandates', functionId: 'AgentsApi', auth: 'merchant', summary: 'Give an agent a mandate and its agent key (shown once)' },
  { method: 'GET', path: '/v1/mandates/{id}', functionId: 'AgentsApi', auth: 'merchant_or_agent', summary: 'Retrieve a mandate with its budget use' },
  { method: 'POST', path: '/v1/mandates/{id}/revoke', functionId: 'AgentsApi', auth: 'merchant', summary: 'Revoke a mandate and its agent key' },
  { method: 'POST', path: '/v1/quotes', functionId: 'QuotesApi', auth: 'merchant_or_agent', summary: 'Lock an FX quote' },
  { method: 'GET', path: '/v1/quotes/{id}', functionId: 'QuotesApi', auth: 'merchant_or_agent', summary: 'Retrieve a quote' },
  { method: 'GET', path: '/v1/reviews', functionId: 'ReviewsApi', auth: 'merchant', summary: 'List reviews (payments awaiting a human decision)' },
  { method: 'POST', path: '/v1/reviews/{id}/approve', functionId: 'ReviewsApi', auth: 'merchant', summary: 'Approve a payment under review' },
  { method: 'POST', path: '/v1/reviews/{id}/decline', functionId: 'ReviewsApi', auth: 'merchant', summary: 'Decline a payment under review' },
  { method: 'POST', path: '/mcp', functionId: 'McpApi', auth: 'merchant_or_agent', summary: 'MCP (Streamable HTTP, JSON responses) for agents; bearer agent key' },
  { method: 'GET', path: '/mcp', functionId: 'McpApi', auth: 'merchant_or_agent', summary: 'MCP SSE stream (not offered: answers 405)' },
  { method: 'POST', path: '/v1/payouts/batches', functionId: 'PayoutsApi', auth: 'merchant', summary: 'Create a bulk Pix payout batch (now or scheduled_for)', idempotent: true },
  { method: 'GET', path: '/v1/payouts/batches/{id}', functionId: 'PayoutsApi', auth: 'merchant', summary: 'Retrieve a payout batch with its counts' },
  { method: 'GET', path: '/v1/payouts/batches/{id}/items', functionId: 'PayoutsApi', auth: 'merchant', summary: 'List a payout batch\'s items' },
  { method: 'GET', path: '/v1/payouts/batches/{id}/report.csv', functionId: 'PayoutsApi', auth: 'merchant', summary: 'The payout batch report as CSV' },
  { method: 'POST', path: '/v1/payouts/batches/{id}/pause', functionId: 'PayoutsApi', auth: 'merchant', summary: 'Pause a payout batch' },
  { method: 'POST', path: '/v1/payouts/batches/{id}/resume', functionId: 'PayoutsApi', auth: 'merchant', summary: 'Resume a paused payout batch' },
  { method: 'POST', path: '/v1/payouts/batches/{id}/cancel', functionId: 'PayoutsApi', auth: 'merchant', summary: 'Cancel a payout batch (items not yet paid are canceled)' },
  { method: 'POST', path: '/v1/subscriptions', functionId: 'SubscriptionsApi', auth: 'merchant', summary: 'Create a subscription (card on file or Pix Automático)', idempotent: true },
  { method: 'GET', path: '/v1/subscriptions/{id}', functionId: 'SubscriptionsApi', auth: 'merchant', summary: 'Retrieve a subscription with its churn risk' },
  { method: 'POST', path: '/v1/subscriptions/{id}/cancel', functionId: 'SubscriptionsApi', auth: 'merchant', summary: 'Cancel a subscription' },
  // `{id}` may end in `.html` or `.pdf` (a path parameter is a whole segment on API Gateway and locally).
  { method: 'GET', path: '/v1/invoices/{id}', functionId: 'SubscriptionsApi', auth: 'merchant', summary: 'Retrieve an invoice (JSON; {id}.html and {id}.pdf render it)' },
  { method: 'POST', path: '/v1/triggers', functionId: 'TriggersApi', auth: 'merchant', summary: 'Create a conditional trigger (event pattern → payment or payout)' },
  { method: 'GET', path: '/v1/triggers', functionId: 'TriggersApi', auth: 'merchant', summary: 'List triggers' },
  { method: 'POST', path: '/v1/triggers/{id}/disable', functionId: 'TriggersApi', auth: 'merchant', summary: 'Disable a trigger' },
  { method: 'POST', path: '/v1/events', functionId: 'TriggersApi', auth: 'merchant', summary: 'Send a business event; matching triggers fire once per event', idempotent: true },
] as const satisfies readonly RouteDef[];

/** `"POST /v1/payments/{id}/capture"` — the API Gateway v2 routeKey. */
export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;
