import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryPixPsp } from '../../../functions/adapters/memory/pix-psp.js';
import { billPixSubscriptionCycle, createPixSubscription, monthlyDueDate } from '../../../functions/app/pix/automatico.js';
import type { PixPsp } from '../../../functions/app/ports/pix-psp.js';
import { control, sandboxHarness } from './harness.js';

const account = { branch: '0001', account: '123456', accountType: 'checking' as const };
const subscription = { contract: 'SUB-42', description: 'Plano mensal', debtor: { name: 'Fulano de Tal', taxId: '12345678909' }, amount: 4990, startDate: '2027-01-31' };

describe('monthlyDueDate', () => {
  it('keeps the day of the month and clamps it to shorter months', () => {
    expect([0, 1, 2, 3, 13].map((n) => monthlyDueDate('2027-01-31', n))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2028-02-29']);
  });
});

function suite(name: string, make: () => Promise<{ psp: PixPsp; approve: (id: string) => Promise<void>; stop?: () => Promise<void> }>) {
  describe(`Pix Automático monthly subscription (${name})`, () => {
    let h: Awaited<ReturnType<typeof make>>;
    beforeAll(async () => { h = await make(); });
    afterAll(async () => { await h?.stop?.(); });

    it('bills nothing before the payer authorizes the recurrence (invalid_state)', async () => {
      const rec = await createPixSubscription(subscription, h.psp);
      expect(rec).toMatchObject({ status: 'created', period: 'monthly', amount: 4990 });
      await expect(billPixSubscriptionCycle({ recurrenceId: rec.id, cycle: 0, receiverAccount: account }, h.psp)).rejects.toMatchObject({ code: 'invalid_state' });
    });

    it('bills each cycle once with its due date, whatever is retried', async () => {
      const rec = await createPixSubscription(subscription, h.psp);
      await h.approve(rec.id);
      const jan = await billPixSubscriptionCycle({ recurrenceId: rec.id, cycle: 0, receiverAccount: account }, h.psp);
      const again = await billPixSubscriptionCycle({ recurrenceId: rec.id, cycle: 0, receiverAccount: account }, h.psp);
      const feb = await billPixSubscriptionCycle({ recurrenceId: rec.id, cycle: 1, receiverAccount: account }, h.psp);
      expect(again.txid).toBe(jan.txid);
      expect(jan).toMatchObject({ recurrenceId: rec.id, amount: 4990, dueDate: '2027-01-31' });
      expect(feb).toMatchObject({ amount: 4990, dueDate: '2027-02-28' });
      expect(feb.txid).not.toBe(jan.txid);
    });
  });
}

suite('in-memory PSP', async () => {
  const psp = new InMemoryPixPsp();
  return { psp, approve: async (id) => { psp.approveRecurrence(id); } };
});

suite('sandbox PSP over API Pix', async () => {
  const h = await sandboxHarness();
  return { psp: h.api, approve: async (id) => { await control(h.sandbox, 'rec/approve', { idRec: id }); }, stop: () => h.sandbox.stop() };
});
