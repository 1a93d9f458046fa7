import { describe, expect, it } from 'vitest';
import { handleStripeEvent } from '../../../functions/app/stripe-webhooks.js';
import type { EventDetail } from '../../../functions/contracts/events.js';
import { clock, world } from '../../support/payments-world.js';
import { ScriptedProcessor } from '../../support/scripted-processor.js';

function deps(payments: Parameters<typeof handleStripeEvent>[1]['payments']) {
  const emitted: EventDetail[] = [];
  const seen = new Set<string>();
  return {
    emitted,
    d: {
      payments, clock,
      outbox: { emit: async (es: readonly EventDetail[]) => void emitted.push(...es) },
      claim: async (id: string) => (seen.has(id) ? false : (seen.add(id), true)),
    },
  };
}

describe('Stripe webhooks', () => {
  it('turns a dispute into one fraud/chargeback risk label for the payment Stripe names, once', async () => {
    const w = await world({ a: new ScriptedProcessor('stripe') });
    const p = await w.pay('sw1');
    const { d, emitted } = deps(w.payments);
    const dispute = { id: 'evt_1', type: 'charge.dispute.created', data: { object: { payment_intent: p.processor_reference } } };
    expect(await handleStripeEvent(dispute, d)).toBe('labelled');
    expect(await handleStripeEvent(dispute, d)).toBe('duplicate');
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'risk.label', merchant_id: 'mer_1', data: { object: { payment_id: p.id, label: 'fraud', source: 'chargeback' } } });
  });

  it('acknowledges other events and disputes of payments it does not know without emitting anything', async () => {
    const w = await world({ a: new ScriptedProcessor('stripe') });
    const { d, emitted } = deps(w.payments);
    expect(await handleStripeEvent({ id: 'evt_2', type: 'payment_intent.succeeded', data: { object: {} } }, d)).toBe('ignored');
    expect(await handleStripeEvent({ id: 'evt_3', type: 'charge.dispute.created', data: { object: { payment_intent: 'pi_unknown' } } }, d)).toBe('unknown_payment');
    expect(emitted).toEqual([]);
  });
});
