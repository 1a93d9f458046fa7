import { describe, expect, it } from 'vitest';
import { createStripeClient } from '../../../functions/adapters/stripe/client.js';
import { StripeCardProcessor } from '../../../functions/adapters/stripe/index.js';
import { CardBehaviour } from '../../../local/sandbox/card-behaviour.js';
import { startStripeSandbox } from '../../../local/sandbox/stripe-server.js';
import { cardProcessorContract, CARDS, request } from '../../contract/card-processor.contract.js';

const TIMEOUT_MS = 400;

async function harness() {
  const sandbox = await startStripeSandbox({ behaviour: new CardBehaviour() });
  // No SDK retries here so `slow` gives one deterministic timeout; production keeps the default.
  const options = { apiKey: sandbox.apiKey, apiBase: sandbox.baseUrl, timeoutMs: TIMEOUT_MS, maxNetworkRetries: 0 };
  const processor = new StripeCardProcessor(options);
  const stripe = createStripeClient(options);
  return { sandbox, processor, stripe };
}

cardProcessorContract('stripe connector against the Stripe sandbox', async () => {
  const { sandbox, processor, stripe } = await harness();
  return {
    processor,
    timeoutMs: TIMEOUT_MS,
    setControl: async (c) => {
      const res = await fetch(`${sandbox.baseUrl}/__sandbox/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
      if (!res.ok) throw new Error(`control: ${res.status}`);
    },
    // Through Stripe's own search API, as an operator would look.
    referencesFor: async (paymentId) => (await stripe.paymentIntents.search({ query: `metadata['payment_id']:'${paymentId}'` })).data.map((pi) => pi.id),
    close: () => sandbox.stop(),
  };
});

describe('stripe connector specifics', () => {
  it('sends raw card data, capture method and our metadata, and keeps no PAN at the sandbox', async () => {
    const { sandbox, processor } = await harness();
    try {
      const req = request(CARDS.approved);
      const r = await processor.authorize(req);
      expect(r.status).toBe('authorized');
      const intent = [...sandbox.ledger.intents.values()][0];
      expect(intent).toMatchObject({ capture_method: 'manual', amount: 5000, currency: 'brl', metadata: { payment_id: req.paymentId, merchant_id: 'mer_contract', attempt_key: req.idempotencyKey } });
      expect(JSON.stringify([...sandbox.ledger.intents.values(), ...sandbox.ledger.charges.values()])).not.toContain(CARDS.approved);
    } finally {
      await sandbox.stop();
    }
  });

  it('throws on an idempotency key reused with other parameters instead of reporting a card outcome', async () => {
    const { sandbox, processor } = await harness();
    try {
      const req = request(CARDS.approved);
      await processor.authorize(req);
      await expect(processor.authorize({ ...req, amount: 4999 })).rejects.toThrow(/idempotency conflict/);
    } finally {
      await sandbox.stop();
    }
  });

  it('answers void of a captured payment with already_captured, and void of an unknown attempt with not_found', async () => {
    const { sandbox, processor } = await harness();
    try {
      const r = await processor.authorize(request(CARDS.approved, { captureMethod: 'automatic' }));
      if (r.status !== 'authorized') throw new Error('expected authorized');
      expect(await processor.void({ reference: r.reference, paymentId: 'x', idempotencyKey: 'v1' })).toMatchObject({ status: 'already_captured' });
      expect(await processor.void({ paymentId: 'pay_never', idempotencyKey: 'pay_never:authorize' })).toEqual({ status: 'not_found' });
    } finally {
      await sandbox.stop();
    }
  });

  it('soft-declines with processing_error at success_rate 0 and lists captured charges as balance transactions', async () => {
    const { sandbox, processor, stripe } = await harness();
    try {
      const from = Math.floor(Date.now() / 1000) - 5;
      await processor.authorize(request(CARDS.approved, { captureMethod: 'automatic', amount: 10_000 }));
      sandbox.setControl({ mode: 'up', success_rate: 0, latency_ms: 0 });
      expect(await processor.authorize(request(CARDS.approved))).toMatchObject({ status: 'error', code: 'processing_error', outcomeUnknown: false });
      const txns = await stripe.balanceTransactions.list({ created: { gte: from, lte: from + 60 } });
      expect(txns.data).toHaveLength(1);
      expect(txns.data[0]).toMatchObject({ type: 'charge', amount: 10_000, fee: 438, net: 9562, currency: 'brl' });
    } finally {
      await sandbox.stop();
    }
  });
});
