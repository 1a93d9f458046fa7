import { describe, expect, it } from 'vitest';
import { InMemoryPixPsp } from '../../../functions/adapters/memory/pix-psp.js';
import { MemorySubscriptionStore } from '../../../functions/adapters/memory/subscriptions.js';
import { MemoryPaymentMethodStore } from '../../../functions/adapters/memory/payment-methods.js';
import { renewDueSubscriptions } from '../../../functions/app/billing/renew.js';
import { createSubscription } from '../../../functions/app/billing/subscriptions.js';
import type { BillingDeps } from '../../../functions/app/billing/deps.js';

describe('Pix Automático subscriptions', () => {
  it('wait as incomplete until the payer authorizes the recurrence, then bill one cobr per cycle (the same one on every re-run)', async () => {
    let now = new Date('2026-11-22T12:00:00Z');
    const psp = new InMemoryPixPsp({ now: () => now });
    const store = new MemorySubscriptionStore();
    const deps: BillingDeps = { subscriptions: store, paymentMethods: new MemoryPaymentMethodStore(), clock: { now: () => now }, pix: () => ({ psp, receiverAccount: { branch: '0001', account: '123456', accountType: 'checking' } }) };
    const sub = await createSubscription('mer_1', 'k', { payment_method: { type: 'pix', debtor: { name: 'Fulana', tax_id: '12345678909' } }, items: [{ description: 'Plano', amount: 3500, quantity: 1 }], currency: 'brl', interval: 'month', interval_count: 1 }, deps);
    expect(sub).toMatchObject({ status: 'incomplete', payment_method: { type: 'pix' } });

    await renewDueSubscriptions(deps);
    expect(store.invoices.size).toBe(0);
    expect(store.subscriptions.get(sub.id)!.status).toBe('incomplete');

    psp.approveRecurrence(sub.payment_method.type === 'pix' ? sub.payment_method.recurrence_id : '');
    now = new Date(now.getTime() + 16 * 60_000);
    await renewDueSubscriptions(deps);
    const inv = [...store.invoices.values()][0]!;
    expect(inv).toMatchObject({ status: 'open', total: 3500, pix: { txid: expect.stringMatching(/^[A-Za-z0-9]{26,35}$/) } });
    expect((await psp.getRecurringCharge(inv.pix!.txid))?.amount).toBe(3500);
    expect(store.subscriptions.get(sub.id)!.status).toBe('active');

    now = new Date(now.getTime() + 16 * 60_000);
    await renewDueSubscriptions(deps);
    expect(store.invoices.size).toBe(1);
    expect([...store.invoices.values()][0]!.pix).toEqual(inv.pix);
  });
});
