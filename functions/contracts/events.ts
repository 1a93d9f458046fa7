/**
 * The event catalog, declared once: every event the platform emits (source, detail-type, version,
 * zod schema of the detail) and every consumer with the EventBridge pattern that routes events to
 * it. CDK turns each consumer into an EventBridge rule (with retry policy and DLQ); the local bus
 * evaluates the very same patterns with our matcher.
 */
import * as z from 'zod';
import type { FunctionId } from './functions.js';

export const EVENT_SOURCE = 'smart-agent-pay';
export const EVENT_BUS_ENV = 'EVENT_BUS_NAME';

/** Envelope of every event's `detail` (Stripe-like: the object as it was after the change). */
export const eventDetailSchema = z.object({
  id: z.string().regex(/^evt_/),
  type: z.string(),
  version: z.literal(1),
  created: z.string(),
  merchant_id: z.string(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

const objectWith = (objectName: string) =>
  z.object({ object: z.literal(objectName), id: z.string() }).passthrough();

/** Public events are delivered to merchant webhook endpoints (API.md "Event names"). */
export const EVENT_TYPES = {
  'payment.succeeded': { public: true, object: objectWith('payment') },
  'payment.failed': { public: true, object: objectWith('payment') },
  'payment.requires_approval': { public: true, object: objectWith('payment') },
  'payment.canceled': { public: true, object: objectWith('payment') },
  'payment.authorized': { public: false, object: objectWith('payment') },
  'payment.attempt.completed': { public: false, object: objectWith('payment_attempt') },
  'refund.succeeded': { public: true, object: objectWith('refund') },
  'refund.failed': { public: true, object: objectWith('refund') },
  'pix.charge.completed': { public: true, object: objectWith('pix_charge') },
  'pix.charge.expired': { public: true, object: objectWith('pix_charge') },
  'payout.batch.completed': { public: true, object: objectWith('payout_batch') },
  'reconciliation.discrepancy': { public: true, object: objectWith('reconciliation_discrepancy') },
  'merchant.created': { public: false, object: objectWith('merchant') },
  'workflow.failed': { public: false, object: objectWith('workflow_failure') },
  'risk.label': { public: false, object: objectWith('risk_label') },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const PUBLIC_EVENT_TYPES = (Object.keys(EVENT_TYPES) as EventType[]).filter((t) => EVENT_TYPES[t].public);

export interface ConsumerDef {
  readonly id: string;
  readonly functionId: FunctionId;
  readonly description: string;
  /** An EventBridge event pattern (validated by the matcher's tests and by CDK). */
  readonly pattern: Record<string, unknown>;
  /** EventBridge target retry policy; the local bus applies the same numbers. */
  readonly retry: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number };
}

export const CONSUMERS: readonly ConsumerDef[] = [
  {
    id: 'merchant-webhooks',
    functionId: 'WebhookDispatcher',
    description: 'Every public event goes to the merchant webhook endpoints subscribed to it',
    pattern: { source: [EVENT_SOURCE], 'detail-type': PUBLIC_EVENT_TYPES },
    retry: { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 },
  },
  {
    id: 'event-log',
    functionId: 'EventLog',
    description: 'Every platform event is kept in the merchant event log',
    pattern: { source: [EVENT_SOURCE] },
    retry: { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 },
  },
  {
    id: 'routing-agent',
    functionId: 'RoutingAgent',
    description: 'Attempt outcomes teach the routing agent (success model, circuit breakers)',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['payment.attempt.completed'] },
    retry: { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 },
  },
  {
    id: 'risk-agent',
    functionId: 'RiskAgent',
    description: 'Payment outcomes update risk entity records; labels teach the model, thresholds and trust',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['payment.succeeded', 'payment.failed', 'risk.label'] },
    // Labels can arrive before their payment's outcome was processed: retry for a day.
    retry: { maximumRetryAttempts: 32, maximumEventAgeSeconds: 86_400 },
  },
  {
    // Merchant triggers that reference platform events are evaluated here, generically: the
    // consumer loads the event's merchant's enabled triggers and runs our EventBridge matcher over
    // the event. On AWS each merchant rule could instead become a real EventBridge rule (on a
    // per-merchant event bus fed by a rule on this bus, or on a partner event bus per merchant)
    // targeting the same action function; that buys fan-out inside EventBridge at the cost of rule
    // quotas (300 rules per bus by default) and a deploy-time resource per merchant rule, so it is
    // a later step for merchants with many rules. Risk labels also feed subscription churn risk.
    id: 'merchant-triggers',
    functionId: 'TriggerEvaluator',
    description: 'Platform events evaluated against merchant triggers (and disputes against subscriptions)',
    pattern: { source: [EVENT_SOURCE] },
    retry: { maximumRetryAttempts: 16, maximumEventAgeSeconds: 3600 },
  },
];

/** Validates an event detail for `type` (envelope + object shape). */
export function parseEventDetail(type: EventType, detail: unknown): EventDetail {
  const d = eventDetailSchema.parse(detail);
  EVENT_TYPES[type].object.parse(d.data.object);
  return d;
}
