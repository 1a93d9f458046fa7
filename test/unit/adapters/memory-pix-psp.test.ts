import { describe, expect, it } from 'vitest';
import { InMemoryPixPsp } from '../../../functions/adapters/memory/pix-psp.js';
import { pixPspContract, txid } from '../../contract/pix-psp.contract.js';

pixPspContract('in-memory fake', async () => {
  const psp = new InMemoryPixPsp({ refundDelayMs: 10 });
  return {
    psp,
    receiverKey: psp.receiverKey,
    pay: async (id) => (await psp.simulatePayment({ txid: id })).endToEndId,
    expire: async (id) => psp.expireCharge(id),
    backdate: async (e2e, days) => psp.backdatePix(e2e, days),
    approveRecurrence: async (id) => {
      psp.approveRecurrence(id);
    },
    stop: async () => undefined,
  };
});

describe('InMemoryPixPsp', () => {
  it('refuses to pay a charge twice (a completed charge takes no further payment)', async () => {
    const psp = new InMemoryPixPsp();
    const c = await psp.createCharge({ txid: txid(), amount: 100, expiresInSeconds: 60, receiverKey: psp.receiverKey });
    await psp.simulatePayment({ txid: c.txid });
    await expect(psp.simulatePayment({ txid: c.txid })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps payer free text redacted in JSON', async () => {
    const psp = new InMemoryPixPsp();
    const c = await psp.createCharge({ txid: txid(), amount: 100, expiresInSeconds: 60, receiverKey: psp.receiverKey });
    const pix = await psp.simulatePayment({ txid: c.txid, payerInfo: 'CPF 12345678909' });
    expect(JSON.stringify(pix)).not.toContain('12345678909');
    expect(pix.payerInfo?.reveal()).toBe('CPF 12345678909');
  });
});
