import { describe, expect, it } from 'vitest';
import { MemoryCardProcessor } from '../../../functions/adapters/memory/card-processor.js';
import { cardProcessorContract, CARDS, request } from '../../contract/card-processor.contract.js';

cardProcessorContract('in-memory fake', async () => {
  const processor = new MemoryCardProcessor({ id: 'memory', timeoutMs: 300 });
  return {
    processor,
    timeoutMs: 300,
    setControl: async (c) => processor.setControl(c),
    referencesFor: async (paymentId) => processor.referencesFor(paymentId),
    close: async () => {},
  };
});

describe('MemoryCardProcessor specifics', () => {
  it('moves the 4000000000000119 error to the first processor only, across fakes sharing the registry', async () => {
    const shared = new Map<string, string>();
    const a = new MemoryCardProcessor({ id: 'a', firstProcessorByPayment: shared });
    const b = new MemoryCardProcessor({ id: 'b', firstProcessorByPayment: shared });
    const req = request(CARDS.processorErrorFirst);
    expect((await a.authorize(req)).status).toBe('error');
    expect((await b.authorize({ ...req, idempotencyKey: `${req.idempotencyKey}:b` })).status).toBe('authorized');
  });

  it('throws when an idempotency key is reused with other parameters', async () => {
    const p = new MemoryCardProcessor();
    const req = request(CARDS.approved);
    await p.authorize(req);
    await expect(p.authorize({ ...req, amount: 1 })).rejects.toThrow(/idempotency key reused/);
  });

  it('soft-declines by success_rate deterministically per idempotency key', async () => {
    const p = new MemoryCardProcessor();
    p.setControl({ mode: 'up', success_rate: 0 });
    const req = request(CARDS.approved);
    expect(await p.authorize(req)).toMatchObject({ status: 'error', code: 'processing_error' });
    p.setControl({ mode: 'up', success_rate: 1 });
    expect(await p.authorize(req)).toMatchObject({ status: 'error', code: 'processing_error' });
  });
});
