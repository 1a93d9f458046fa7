import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdyenCardProcessor } from '../../../functions/adapters/adyen/index.js';
import { StripeCardProcessor } from '../../../functions/adapters/stripe/index.js';
import { startAdyenSandbox, type AdyenSandbox } from '../../../local/sandbox/adyen-server.js';
import { CardBehaviour } from '../../../local/sandbox/card-behaviour.js';
import { startStripeSandbox, type StripeSandbox } from '../../../local/sandbox/stripe-server.js';
import { CARDS, request } from '../../contract/card-processor.contract.js';

describe('both sandboxes sharing one card behaviour', () => {
  let stripeSandbox: StripeSandbox;
  let adyenSandbox: AdyenSandbox;
  let stripe: StripeCardProcessor;
  let adyen: AdyenCardProcessor;
  beforeAll(async () => {
    const behaviour = new CardBehaviour();
    stripeSandbox = await startStripeSandbox({ behaviour });
    adyenSandbox = await startAdyenSandbox({ behaviour });
    stripe = new StripeCardProcessor({ apiKey: stripeSandbox.apiKey, apiBase: stripeSandbox.baseUrl, timeoutMs: 2000 });
    adyen = new AdyenCardProcessor({ apiKey: adyenSandbox.apiKey, merchantAccount: adyenSandbox.merchantAccount, checkoutBase: adyenSandbox.baseUrl, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await stripeSandbox.stop();
    await adyenSandbox.stop();
  });

  it('fails 4000000000000119 at the first processor tried and approves it at the next, whichever goes first', async () => {
    const viaStripeFirst = request(CARDS.processorErrorFirst);
    expect((await stripe.authorize(viaStripeFirst)).status).toBe('error');
    expect((await adyen.authorize({ ...viaStripeFirst, idempotencyKey: `${viaStripeFirst.idempotencyKey}:adyen` })).status).toBe('authorized');
    expect((await stripe.authorize({ ...viaStripeFirst, idempotencyKey: `${viaStripeFirst.idempotencyKey}:again` })).status).toBe('error');

    const viaAdyenFirst = request(CARDS.processorErrorFirst);
    expect((await adyen.authorize(viaAdyenFirst)).status).toBe('error');
    expect((await stripe.authorize({ ...viaAdyenFirst, idempotencyKey: `${viaAdyenFirst.idempotencyKey}:stripe` })).status).toBe('authorized');
  });

  it('rejects a control update with an unknown field or an out-of-range rate, and reports the current mode', async () => {
    const post = (body: unknown) => fetch(`${adyenSandbox.baseUrl}/__sandbox/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ mode: 'sideways' })).status).toBe(400);
    expect((await post({ success_rate: 2 })).status).toBe(400);
    expect((await post({ speed: 1 })).status).toBe(400);
    expect(await (await post({ mode: 'slow', latency_ms: 5 })).json()).toEqual({ mode: 'slow', success_rate: 1, latency_ms: 5 });
    expect(await (await fetch(`${adyenSandbox.baseUrl}/__sandbox/control`)).json()).toEqual({ mode: 'slow', success_rate: 1, latency_ms: 5 });
    await post({ mode: 'up' });
  });

  it('answers Stripe’s idempotency_error (400) for a reused key with other parameters, and replays with Idempotent-Replayed', async () => {
    const post = (body: string) => fetch(`${stripeSandbox.baseUrl}/v1/refunds`, { method: 'POST', headers: { authorization: `Bearer ${stripeSandbox.apiKey}`, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'same-key' }, body });
    const first = await post('payment_intent=pi_missing&amount=1');
    expect(first.status).toBe(404);
    const replay = await post('payment_intent=pi_missing&amount=1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const conflict = await post('payment_intent=pi_missing&amount=2');
    expect(conflict.status).toBe(400);
    expect(((await conflict.json()) as { error: { type: string } }).error.type).toBe('idempotency_error');
  });

  it('exposes the environment the composition root reads', () => {
    expect(Object.keys(stripeSandbox.env).sort()).toEqual(['STRIPE_API_BASE', 'STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET']);
    expect(Object.keys(adyenSandbox.env).sort()).toEqual(['ADYEN_API_KEY', 'ADYEN_CHECKOUT_BASE', 'ADYEN_HMAC_KEY', 'ADYEN_MERCHANT_ACCOUNT']);
    expect(stripeSandbox.env.STRIPE_API_KEY).toMatch(/^sk_test_sandbox/);
  });
});
