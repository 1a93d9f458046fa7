/**
 * Request and response schemas per route (by routeKey). The handlers validate with them, the
 * OpenAPI document is generated from them, and the MCP tools reuse them: one definition each.
 */
import type { z } from 'zod';
import { createMerchantRequest, merchantSchema } from './merchants.js';
import { eventListSchema, eventSchema } from './events.js';
import { listQuerySchema } from './common.js';
import { createWebhookEndpointRequest, webhookDeliveryListSchema, webhookEndpointListSchema, webhookEndpointSchema } from './webhook-endpoints.js';
import { createRefundRequest, refundSchema } from './refunds.js';
import { auditResponseSchema, cancelPaymentRequest, capturePaymentRequest, createPaymentRequest, listPaymentsQuery, paymentListSchema, paymentSchema } from './payments.js';
import { createPaymentMethodRequest, paymentMethodSchema } from './payment-methods.js';
import { createPayoutBatchRequest, payoutBatchSchema, payoutControlRequest, payoutItemListSchema, payoutItemsQuery, payoutReportSchema } from './payouts.js';
import { agentSchema, createAgentRequest, createMandateRequest, mandateSchema } from './mandates.js';
import { createQuoteRequest, quoteSchema } from './quotes.js';
import { decideReviewRequest, listReviewsQuery, reviewListSchema, reviewSchema } from './reviews.js';
import { mcpRequestSchema, mcpResponseSchema } from './mcp.js';
import { adyenAckSchema, balancesSchema, healthSchema, openApiDocumentSchema, sandboxProcessorListSchema, sandboxResultSchema, webhookAckSchema, webhookBodySchema } from './meta.js';
import { createPixChargeRequest, decodeBrCodeRequest, decodedBrCodeSchema, pixChargeSchema, sandboxPixPayRequest, sandboxProcessorRequest, staticBrCodeRequest, staticBrCodeSchema } from './pix.js';
import { cancelSubscriptionRequest, createSubscriptionRequest, invoiceSchema, subscriptionSchema } from './subscriptions.js';
import { createTriggerRequest, disableTriggerRequest, merchantEventRequest, merchantEventResultSchema, triggerListSchema, triggerSchema } from './triggers.js';
import { explainPaymentRequest, explanationSchema, riskLabelRequest, riskLabelSchema } from './agents-api.js';

export interface RouteSchemas {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  /** Success status and body. */
  readonly response?: { readonly status: number; readonly schema: z.ZodType; readonly contentType?: string };
}

export const API_SCHEMAS: Record<string, RouteSchemas> = {
  'POST /v1/admin/merchants': { body: createMerchantRequest, response: { status: 201, schema: merchantSchema } },
  'POST /v1/payments': { body: createPaymentRequest, response: { status: 201, schema: paymentSchema } },
  'GET /v1/payments': { query: listPaymentsQuery, response: { status: 200, schema: paymentListSchema } },
  'GET /v1/payments/{id}': { response: { status: 200, schema: paymentSchema } },
  'POST /v1/payments/{id}/capture': { body: capturePaymentRequest, response: { status: 200, schema: paymentSchema } },
  'POST /v1/payments/{id}/cancel': { body: cancelPaymentRequest, response: { status: 200, schema: paymentSchema } },
  'GET /v1/payments/{id}/audit': { response: { status: 200, schema: auditResponseSchema } },
  'POST /v1/payments/{id}/explain': { body: explainPaymentRequest, response: { status: 200, schema: explanationSchema } },
  'POST /v1/risk/labels': { body: riskLabelRequest, response: { status: 202, schema: riskLabelSchema } },
  'POST /v1/refunds': { body: createRefundRequest, response: { status: 201, schema: refundSchema } },
  'GET /v1/refunds/{id}': { response: { status: 200, schema: refundSchema } },
  'POST /v1/webhook_endpoints': { body: createWebhookEndpointRequest, response: { status: 201, schema: webhookEndpointSchema } },
  'GET /v1/webhook_endpoints': { response: { status: 200, schema: webhookEndpointListSchema } },
  'GET /v1/webhook_endpoints/{id}/deliveries': { response: { status: 200, schema: webhookDeliveryListSchema } },
  'GET /v1/events': { query: listQuerySchema, response: { status: 200, schema: eventListSchema } },
  'POST /v1/payment_methods': { body: createPaymentMethodRequest, response: { status: 201, schema: paymentMethodSchema } },
  'GET /v1/events/{id}': { response: { status: 200, schema: eventSchema } },
  'POST /v1/payouts/batches': { body: createPayoutBatchRequest, response: { status: 202, schema: payoutBatchSchema } },
  'GET /v1/payouts/batches/{id}': { response: { status: 200, schema: payoutBatchSchema } },
  'GET /v1/payouts/batches/{id}/items': { query: payoutItemsQuery, response: { status: 200, schema: payoutItemListSchema } },
  'GET /v1/payouts/batches/{id}/report.csv': { response: { status: 200, schema: payoutReportSchema, contentType: 'text/csv' } },
  'POST /v1/payouts/batches/{id}/pause': { body: payoutControlRequest, response: { status: 200, schema: payoutBatchSchema } },
  'POST /v1/payouts/batches/{id}/resume': { body: payoutControlRequest, response: { status: 200, schema: payoutBatchSchema } },
  'POST /v1/payouts/batches/{id}/cancel': { body: payoutControlRequest, response: { status: 200, schema: payoutBatchSchema } },
  'POST /v1/pix/charges': { body: createPixChargeRequest, response: { status: 201, schema: pixChargeSchema } },
  'GET /v1/pix/charges/{txid}': { response: { status: 200, schema: pixChargeSchema } },
  'POST /v1/pix/brcode/decode': { body: decodeBrCodeRequest, response: { status: 200, schema: decodedBrCodeSchema } },
  'POST /v1/pix/brcode/static': { body: staticBrCodeRequest, response: { status: 201, schema: staticBrCodeSchema } },
  'POST /v1/sandbox/pix/pay': { body: sandboxPixPayRequest, response: { status: 200, schema: sandboxResultSchema } },
  'POST /v1/sandbox/processors/{id}': { body: sandboxProcessorRequest, response: { status: 200, schema: sandboxResultSchema } },
  'POST /v1/agents': { body: createAgentRequest, response: { status: 201, schema: agentSchema } },
  'GET /v1/agents/{id}': { response: { status: 200, schema: agentSchema } },
  'POST /v1/agents/{id}/mandates': { body: createMandateRequest, response: { status: 201, schema: mandateSchema } },
  'GET /v1/mandates/{id}': { response: { status: 200, schema: mandateSchema } },
  'POST /v1/mandates/{id}/revoke': { response: { status: 200, schema: mandateSchema } },
  'POST /v1/quotes': { body: createQuoteRequest, response: { status: 201, schema: quoteSchema } },
  'GET /v1/quotes/{id}': { response: { status: 200, schema: quoteSchema } },
  'GET /v1/reviews': { query: listReviewsQuery, response: { status: 200, schema: reviewListSchema } },
  'POST /v1/reviews/{id}/approve': { body: decideReviewRequest, response: { status: 200, schema: reviewSchema } },
  'POST /v1/reviews/{id}/decline': { body: decideReviewRequest, response: { status: 200, schema: reviewSchema } },
  'GET /health': { response: { status: 200, schema: healthSchema } },
  'GET /v1/openapi.json': { response: { status: 200, schema: openApiDocumentSchema } },
  'GET /v1/ledger/balances': { response: { status: 200, schema: balancesSchema } },
  'GET /v1/sandbox/processors': { response: { status: 200, schema: sandboxProcessorListSchema } },
  'POST /webhooks/stripe': { body: webhookBodySchema, response: { status: 200, schema: webhookAckSchema } },
  'POST /webhooks/adyen': { body: webhookBodySchema, response: { status: 200, schema: adyenAckSchema, contentType: 'text/plain' } },
  'POST /webhooks/pix': { body: webhookBodySchema, response: { status: 200, schema: webhookAckSchema } },
  'POST /v1/subscriptions': { body: createSubscriptionRequest, response: { status: 201, schema: subscriptionSchema } },
  'GET /v1/subscriptions/{id}': { response: { status: 200, schema: subscriptionSchema } },
  'POST /v1/subscriptions/{id}/cancel': { body: cancelSubscriptionRequest, response: { status: 200, schema: subscriptionSchema } },
  'GET /v1/invoices/{id}': { response: { status: 200, schema: invoiceSchema } },
  'POST /v1/triggers': { body: createTriggerRequest, response: { status: 201, schema: triggerSchema } },
  'GET /v1/triggers': { response: { status: 200, schema: triggerListSchema } },
  'POST /v1/triggers/{id}/disable': { body: disableTriggerRequest, response: { status: 200, schema: triggerSchema } },
  'POST /v1/events': { body: merchantEventRequest, response: { status: 200, schema: merchantEventResultSchema } },
  'POST /mcp': { body: mcpRequestSchema, response: { status: 200, schema: mcpResponseSchema } },
  'GET /mcp': { response: { status: 405, schema: mcpResponseSchema } },
};

export function registerSchemas(entries: Record<string, RouteSchemas>): void {
  Object.assign(API_SCHEMAS, entries);
}
