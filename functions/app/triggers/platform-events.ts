/**
 * What the TriggerEvaluator consumer does with a platform event: merchant triggers that reference
 * platform events fire (once per trigger and event), and a dispute (a `risk.label` with a
 * chargeback/fraud label) on a subscription's payment is recorded on that subscription for its
 * churn-risk flag. Events about what a trigger itself created never fire triggers (no loops).
 */
import { eventDetailSchema } from '../../contracts/events.js';
import { causedByTrigger, type BusEvent } from '../../core/triggers/index.js';
import { recordSubscriptionDispute } from '../billing/subscriptions.js';
import type { PaymentStore } from '../ports/payment-store.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import { evaluateTriggers, type EvaluateDeps } from './evaluate.js';

export interface PlatformEventDeps {
  readonly evaluate: EvaluateDeps;
  readonly subscriptions: SubscriptionStore;
  readonly payments: Pick<PaymentStore, 'get'>;
}

interface IncomingEvent {
  readonly id?: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account?: string;
  readonly time?: string;
  readonly region?: string;
  readonly resources?: readonly string[];
  readonly detail: unknown;
}

/** A chargeback or MED claim (the Pix dispute mechanism) is a dispute, whatever the verdict. */
const DISPUTE_SOURCES = new Set(['chargeback', 'med']);

async function recordDispute(merchantId: string, obj: Record<string, unknown>, at: string, deps: PlatformEventDeps): Promise<void> {
  if (!DISPUTE_SOURCES.has(String(obj['source']))) return;
  const p = await deps.payments.get(merchantId, String(obj['payment_id'] ?? ''));
  const subscriptionId = p?.metadata?.['subscription_id'];
  if (subscriptionId) await recordSubscriptionDispute(merchantId, subscriptionId, at, { subscriptions: deps.subscriptions });
}

export async function handlePlatformEvent(event: IncomingEvent, deps: PlatformEventDeps): Promise<number> {
  const parsed = eventDetailSchema.safeParse(event.detail);
  if (!parsed.success) return 0;
  const detail = parsed.data;
  if (detail.type === 'risk.label') await recordDispute(detail.merchant_id, detail.data.object, detail.created, deps);
  if (causedByTrigger(detail)) return 0;
  const objectId = detail.data.object['id'];
  if (typeof objectId === 'string' && (await deps.evaluate.triggers.isTriggerResult(objectId))) return 0;
  // The detail's id is stable for the fact (outbox ids are derived), unlike a republished bus id.
  const bus: BusEvent = {
    version: '0', id: detail.id, 'detail-type': event['detail-type'], source: event.source, account: event.account ?? detail.merchant_id,
    time: event.time ?? detail.created, region: event.region ?? 'local', resources: event.resources ?? [], detail,
  };
  return (await evaluateTriggers(detail.merchant_id, bus, deps.evaluate)).length;
}
