import { describe, expect, it } from 'vitest';
import { InMemoryLedger } from '../../../functions/adapters/memory/ledger.js';
import { cardCaptureEntry } from '../../../functions/core/ledger/index.js';
import { ledgerContract } from '../../contract/ledger.contract.js';

ledgerContract('in-memory', async () => new InMemoryLedger(), { propertyRuns: 100 });

describe('InMemoryLedger', () => {
  it('keeps its own copy: mutating a posted or returned entry changes nothing stored', async () => {
    const ledger = new InMemoryLedger();
    const e = cardCaptureEntry({ merchantId: 'mer_1', paymentId: 'pay_1', psp: 'stripe', amount: 100, currency: 'brl', createdAt: '2026-11-22T10:00:00.000Z' });
    const mine = structuredClone(e);
    await ledger.post(mine);
    (mine.postings[0] as { amount: number }).amount = 1;
    const got = await ledger.getEntry(e.id);
    (got!.postings[0] as { amount: number }).amount = 2;
    expect(await ledger.getEntry(e.id)).toEqual(e);
  });
});
