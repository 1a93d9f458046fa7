import { describe, expect, it } from 'vitest';
import { AdyenCardProcessor } from '../../../functions/adapters/adyen/index.js';
import { startAdyenSandbox } from '../../../local/sandbox/adyen-server.js';
import { adyenSandboxPaymentState } from '../../../local/sandbox/card-adyen-lookup.js';
import { CardBehaviour } from '../../../local/sandbox/card-behaviour.js';
import { cardProcessorContract, CARDS, request } from '../../contract/card-processor.contract.js';

const TIMEOUT_MS = 400;

async function harness() {
  const sandbox = await startAdyenSandbox({ behaviour: new CardBehaviour() });
  const processor = new AdyenCardProcessor({
    apiKey: sandbox.apiKey,
    merchantAccount: sandbox.merchantAccount,
    checkoutBase: sandbox.baseUrl,
    timeoutMs: TIMEOUT_MS,
    paymentState: adyenSandboxPaymentState(sandbox.baseUrl),
  });
  return { sandbox, processor };
}

cardProcessorContract('adyen connector against the Adyen sandbox', async () => {
  const { sandbox, processor } = await harness();
  return {
    processor,
    timeoutMs: TIMEOUT_MS,
    setControl: async (c) => {
      const res = await fetch(`${sandbox.baseUrl}/__sandbox/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
      if (!res.ok) throw new Error(`control: ${res.status}`);
    },
    referencesFor: async (paymentId) => {
      const res = await fetch(`${sandbox.baseUrl}/__sandbox/payments?paymentId=${encodeURIComponent(paymentId)}`);
      return ((await res.json()) as { payments: Array<{ pspReference: string }> }).payments.map((p) => p.pspReference);
    },
    close: () => sandbox.stop(),
  };
});

describe('adyen connector specifics', () => {
  it('sends a scheme payment with manualCapture, metadata and our key as reference, and keeps no PAN', async () => {
    const { sandbox, processor } = await harness();
    try {
      const req = request(CARDS.approved);
      const r = await processor.authorize(req);
      if (r.status !== 'authorized') throw new Error(`expected authorized: ${JSON.stringify(r)}`);
      const payment = sandbox.state.payments.get(r.reference);
      expect(payment).toMatchObject({ merchantReference: req.idempotencyKey, paymentId: req.paymentId, status: 'authorised', amount: { value: 5000, currency: 'BRL' } });
      expect(JSON.stringify([...sandbox.state.payments.values()])).not.toContain(CARDS.approved);
    } finally {
      await sandbox.stop();
    }
  });

  it('reports settled captures and refunds in the settlement feed with commission', async () => {
    const { sandbox, processor } = await harness();
    try {
      const from = new Date(Date.now() - 5000).toISOString();
      const r = await processor.authorize(request(CARDS.approved, { captureMethod: 'automatic', amount: 10_000 }));
      if (r.status !== 'authorized') throw new Error('expected authorized');
      await processor.refund({ reference: r.reference, amount: 1000, currency: 'brl', idempotencyKey: 'rf1' });
      const to = new Date(Date.now() + 5000).toISOString();
      const res = await fetch(`${sandbox.baseUrl}/__sandbox/settlement?from=${from}&to=${to}`);
      const body = (await res.json()) as { records: Array<Record<string, unknown>> };
      expect(body.records).toEqual([
        expect.objectContaining({ pspReference: r.reference, type: 'Settled', grossCredit: 10_000, commission: 309, netCredit: 9691, grossCurrency: 'BRL' }),
        expect.objectContaining({ pspReference: r.reference, type: 'Refunded', grossDebit: 1000, netDebit: 1000 }),
      ]);
    } finally {
      await sandbox.stop();
    }
  });

  it('answers 422 for an unknown pspReference, which a void reports as not_found', async () => {
    const { sandbox, processor } = await harness();
    try {
      expect(await processor.void({ reference: 'UNKNOWNPSP000000', paymentId: 'x', idempotencyKey: 'v-unknown' })).toEqual({ status: 'not_found' });
    } finally {
      await sandbox.stop();
    }
  });
});
