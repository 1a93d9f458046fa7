/**
 * Merchant-defined conditional triggers: "when an event matching this EventBridge pattern
 * happens, make this payment / payout". Matching uses the very matcher of the local bus and of
 * `agentpay events test-pattern` (core/event-pattern), over an EventBridge-shaped envelope so that
 * a rule written here would route the same events as an EventBridge rule on AWS.
 * Pure: ids and times come in as arguments.
 */
import { compilePattern } from '../event-pattern/index.js';
import { deterministicId } from '../ids.js';

export type TriggerActionType = 'payment' | 'payout';

export interface Trigger {
  readonly id: string;
  readonly merchant_id: string;
  readonly pattern: Record<string, unknown>;
  readonly action: { readonly type: TriggerActionType; readonly params: Record<string, unknown> };
  readonly status: 'enabled' | 'disabled';
  readonly created: string;
  readonly updated: string;
}

/** The `source` of merchant business events (`POST /v1/events`); platform events use `smart-agent-pay`. */
export const MERCHANT_EVENT_SOURCE = 'merchant';

/** An EventBridge event as rules see it (`detail` is the business payload). */
export type { BusEvent } from '../event-pattern/bus-event.js';
import type { BusEvent } from '../event-pattern/bus-event.js';

/** A merchant event's id: stable for (merchant, Idempotency-Key), so a re-post is the same event. */
export const merchantEventId = (merchantId: string, idempotencyKey: string): string => deterministicId('mev', merchantId, idempotencyKey);

export function merchantBusEvent(args: { id: string; merchantId: string; type: string; data: unknown; at: Date }): BusEvent {
  return { version: '0', id: args.id, 'detail-type': args.type, source: MERCHANT_EVENT_SOURCE, account: args.merchantId, time: args.at.toISOString(), region: 'local', resources: [], detail: args.data };
}

/** The enabled triggers whose pattern matches `event`, in creation order. */
export function matchingTriggers(triggers: readonly Trigger[], event: BusEvent): Trigger[] {
  return triggers
    .filter((t) => t.status === 'enabled' && compilePattern(t.pattern)(event))
    .sort((a, b) => (a.created === b.created ? a.id.localeCompare(b.id) : a.created.localeCompare(b.created)));
}

/** The idempotency key of a trigger's action for one event: the action runs at most once per (trigger, event). */
export const firingKey = (triggerId: string, eventId: string): string => `trigger:${triggerId}:${eventId}`;

/** Metadata stamped on what a trigger creates; events about it are not fed back to triggers (no loops). */
export const TRIGGER_METADATA_KEY = 'agentpay_trigger_id';

/** Whether a platform event is about something a trigger created (its object carries the trigger metadata). */
export function causedByTrigger(detail: unknown): boolean {
  const obj = (detail as { data?: { object?: { metadata?: Record<string, unknown> } } } | undefined)?.data?.object;
  return typeof obj?.metadata?.[TRIGGER_METADATA_KEY] === 'string';
}

export function triggerView(t: Trigger) {
  return { id: t.id, object: 'trigger' as const, pattern: t.pattern, action: t.action, status: t.status, created: t.created, updated: t.updated };
}
