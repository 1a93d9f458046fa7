/**
 * Evaluates an event against the merchant's enabled triggers and runs each match's action: a card
 * payment through createCardPayment (the saga) or a payout batch through createPayoutBatch. The
 * action's idempotency key is derived from (trigger, event), so however often the event arrives
 * (a re-posted merchant event, the bus redelivering a platform event) the action runs once; the
 * firing record only makes the answer cheap and visible.
 */
import { createPaymentRequest } from '../../contracts/api/payments.js';
import { createPayoutBatchRequest } from '../../contracts/api/payouts.js';
import { AppError } from '../../core/errors.js';
import { firingKey, matchingTriggers, TRIGGER_METADATA_KEY, type BusEvent, type Trigger } from '../../core/triggers/index.js';
import { createCardPayment, type CreatePaymentDeps } from '../payments.js';
import { createPayoutBatch } from '../payouts/create-batch.js';
import type { TriggerFiring, TriggerStore } from '../ports/trigger-store.js';
import type { Clock } from '../ports/system.js';

export interface EvaluateDeps {
  readonly triggers: TriggerStore;
  readonly clock: Clock;
  readonly payments: () => CreatePaymentDeps;
  readonly payouts: () => Parameters<typeof createPayoutBatch>[3];
}

async function runAction(t: Trigger, event: BusEvent, deps: EvaluateDeps): Promise<TriggerFiring['result']> {
  const key = firingKey(t.id, event.id);
  if (t.action.type === 'payment') {
    const input = createPaymentRequest.parse(t.action.params);
    const metadata = { ...(input.metadata ?? {}), [TRIGGER_METADATA_KEY]: t.id, agentpay_event_id: event.id.slice(0, 500) };
    const p = await createCardPayment({ ...input, metadata }, { merchantId: t.merchant_id }, key, deps.payments());
    return { id: p.id, status: p.status };
  }
  const input = createPayoutBatchRequest.parse(t.action.params);
  const b = await createPayoutBatch(t.merchant_id, key, { items: input.items, ...(input.scheduled_for ? { scheduledFor: new Date(input.scheduled_for) } : {}) }, deps.payouts());
  return { id: b.id, status: b.status };
}

/** Fires every matching trigger of `merchantId` once for `event`; returns the firings. */
export async function evaluateTriggers(merchantId: string, event: BusEvent, deps: EvaluateDeps): Promise<TriggerFiring[]> {
  const matched = matchingTriggers(await deps.triggers.list(merchantId), event);
  const out: TriggerFiring[] = [];
  for (const t of matched) {
    const known = await deps.triggers.getFiring(t.id, event.id);
    if (known) { out.push(known); continue; }
    let result: TriggerFiring['result'];
    try {
      result = await runAction(t, event, deps);
    } catch (err) {
      // A client-class error (card gone, invalid params) is final for this firing; anything else
      // propagates so the caller (API 5xx, bus retry) runs it again with the same derived key.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      result = { error: `${err.code}: ${err.message}` };
    }
    out.push(await deps.triggers.recordFiring({ trigger_id: t.id, event_id: event.id, merchant_id: merchantId, action: t.action.type, result, at: deps.clock.now().toISOString() }));
  }
  return out;
}
