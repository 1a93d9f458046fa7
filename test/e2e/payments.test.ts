/**
 * Cards end to end over HTTP against the local runtime: the real handlers, the saga ASL on the
 * local Step Functions, DynamoDB Local, the outbox stream and bus, and both sandbox acquirers
 * through the real stripe and Adyen SDKs.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, TEST_CARDS } from '../support/http-client.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';

let rt: TestRuntime;
let api: ReturnType<typeof client>;
let merchantKey: string;

async function card(number: string): Promise<string> {
  const r = await api.post('/v1/payment_methods', { type: 'card', card: { number, exp_month: 12, exp_year: 2031, cvc: '123' } });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

let seq = 0;
const pay = (token: string, extra: Record<string, unknown> = {}, key = `e2e-${++seq}`) =>
  api.post('/v1/payments', { amount: 1990, currency: 'brl', payment_method: { type: 'card', token }, ...extra }, { 'idempotency-key': key });

async function sandboxControl(processor: 'stripe' | 'adyen', body: Record<string, unknown>): Promise<void> {
  const base = processor === 'stripe' ? rt.env['STRIPE_API_BASE'] : rt.env['ADYEN_CHECKOUT_BASE'];
  const r = await fetch(`${base}/__sandbox/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBeLessThan(300);
}

beforeAll(async () => {
  rt = await startTestRuntime();
  const admin = client(rt.url, rt.adminKey);
  const m = await admin.post('/v1/admin/merchants', { name: 'E2E Cards' });
  expect(m.status).toBe(201);
  merchantKey = m.body.secret_key;
  api = client(rt.url, merchantKey);
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

describe('card payments over HTTP', () => {
  it('tokenizes without echoing the PAN and charges an approved card once, balancing the ledger', async () => {
    const pmReply = await api.post('/v1/payment_methods', { type: 'card', card: { number: TEST_CARDS.approved, exp_month: 12, exp_year: 2031, cvc: '123' } });
    expect(pmReply.text).not.toContain(TEST_CARDS.approved);
    expect(pmReply.text).not.toContain('"cvc"');
    const r = await pay(pmReply.body.id);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ object: 'payment', status: 'succeeded', amount: 1990, amount_captured: 1990, currency: 'brl' });
    expect(r.body.attempts).toHaveLength(1);
    expect(r.body.decision.routing.ranked.length).toBeGreaterThan(0);
    expect(r.headers.get('request-id')).toBeTruthy();
    const got = await api.get(`/v1/payments/${r.body.id}`);
    expect(got.body.status).toBe('succeeded');
    const balances = await api.get('/v1/ledger/balances');
    const sum = (balances.body.balances as Array<{ currency: string; amount: number }>).filter((b) => b.currency === 'brl').reduce((a, b) => a + b.amount, 0);
    expect(sum).toBe(0);
    const audit = await api.get(`/v1/payments/${r.body.id}/audit`);
    expect(audit.body.verified).toBe(true);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('payment.succeeded');
  });

  it('fails a hard decline without trying the other processor', async () => {
    const r = await pay(await card(TEST_CARDS.declined));
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('failed');
    expect(r.body.failure).toMatchObject({ code: 'card_declined', retryable: false });
    expect(r.body.attempts).toHaveLength(1);
  });

  it('cascades past a processor error to the next acquirer', async () => {
    const r = await pay(await card(TEST_CARDS.firstProcessorError));
    expect(r.body.status).toBe('succeeded');
    expect(r.body.attempts.map((a: { status: string }) => a.status)).toEqual(['error', 'captured']);
  });

  it('keeps charging through the cascade while the first processor is down', async () => {
    const token = await card(TEST_CARDS.approved);
    const first = (await pay(token)).body.processor as 'stripe' | 'adyen';
    await sandboxControl(first, { mode: 'down' });
    try {
      const r = await pay(token);
      expect(r.body.status).toBe('succeeded');
      expect(r.body.processor).not.toBe(first);
    } finally {
      await sandboxControl(first, { mode: 'up' });
    }
  });

  it('authorizes with manual capture, then captures; cancel voids another authorization', async () => {
    const token = await card(TEST_CARDS.approved);
    const a = await pay(token, { capture_method: 'manual' });
    expect(a.body.status).toBe('authorized');
    const c = await api.post(`/v1/payments/${a.body.id}/capture`, {}, { 'idempotency-key': `cap-${a.body.id}` });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: 'succeeded', amount_captured: 1990 });
    const b = await pay(token, { capture_method: 'manual' });
    const x = await api.post(`/v1/payments/${b.body.id}/cancel`, {}, { 'idempotency-key': `can-${b.body.id}` });
    expect(x.body.status).toBe('canceled');
    const again = await api.post(`/v1/payments/${b.body.id}/capture`, {}, { 'idempotency-key': `cap-${b.body.id}` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
  });

  it('refunds partially and refuses to refund more than captured', async () => {
    const p = await pay(await card(TEST_CARDS.approved));
    const r1 = await api.post('/v1/refunds', { payment_id: p.body.id, amount: 990 }, { 'idempotency-key': `re1-${p.body.id}` });
    expect(r1.status).toBe(201);
    // Stripe answers a refund at once; Adyen acknowledges it (pending) and settles it by notification.
    expect(r1.body.amount).toBe(990);
    expect(['succeeded', 'pending']).toContain(r1.body.status);
    const r2 = await api.post('/v1/refunds', { payment_id: p.body.id, amount: 1001 }, { 'idempotency-key': `re2-${p.body.id}` });
    expect(r2.status).toBe(409);
    expect(r2.body).toMatchObject({ code: 'invalid_state', param: 'amount' });
    const settled = await eventually(async () => {
      const got = await api.get(`/v1/refunds/${r1.body.id}`);
      return got.body.status === 'pending' ? undefined : got.body.status;
    }, 5_000);
    expect(settled).toBe('succeeded');
    const after = await api.get(`/v1/payments/${p.body.id}`);
    expect(after.body.amount_refunded).toBe(990);
  });

  it('answers the API contract errors with problem+json and the offending param', async () => {
    const token = await card(TEST_CARDS.approved);
    const noKey = await api.post('/v1/payments', { amount: 100, currency: 'brl', payment_method: { type: 'card', token } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('idempotency_key_required');
    const float = await pay(token, { amount: 19.9 });
    expect(float.status).toBe(400);
    expect(float.body.param).toBe('amount');
    const unknown = await pay(token, { surprise: true });
    expect(unknown.body).toMatchObject({ code: 'invalid_request', param: 'surprise' });
    const badCurrency = await pay(token, { currency: 'BRL' });
    expect(badCurrency.body.param).toBe('currency');
    const badCard = await api.post('/v1/payment_methods', { type: 'card', card: { number: '4242424242424241', exp_month: 12, exp_year: 2031 } });
    expect(badCard.body).toMatchObject({ status: 400, param: 'card.number' });
    const other = await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'Other' });
    const foreign = await client(rt.url, other.body.secret_key).get(`/v1/payments/${(await pay(token)).body.id}`);
    expect(foreign.status).toBe(404);
    const noAuth = await client(rt.url).get('/v1/payments');
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('content-type')).toContain('application/problem+json');
  });

  it('replays byte for byte, conflicts on a different body, and never charges twice', async () => {
    const token = await card(TEST_CARDS.approved);
    const a = await pay(token, {}, 'same-key');
    const b = await pay(token, {}, 'same-key');
    expect(b.text).toBe(a.text);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const c = await pay(token, { amount: 2000 }, 'same-key');
    expect(c.status).toBe(422);
    expect(c.body.code).toBe('idempotency_conflict');
  });

  it('verifies Stripe webhook signatures: a forged one is 400, a signed dispute becomes a risk label once', async () => {
    const token = await card(TEST_CARDS.approved);
    // Adyen down: whatever the routing agent prefers, the payment ends at Stripe.
    await sandboxControl('adyen', { mode: 'down' });
    const p = await pay(token).finally(() => sandboxControl('adyen', { mode: 'up' }));
    expect(p.body.processor).toBe('stripe');
    // The PaymentIntent Stripe would name in the dispute, found at the sandbox by our metadata.
    const stripe = new Stripe(rt.env['STRIPE_API_KEY']!, { host: new URL(rt.env['STRIPE_API_BASE']!).hostname, port: Number(new URL(rt.env['STRIPE_API_BASE']!).port), protocol: 'http' });
    const found = await stripe.paymentIntents.search({ query: `metadata['payment_id']:'${p.body.id}'` });
    const intent = found.data.find((pi) => pi.status === 'succeeded')!.id;
    const body = JSON.stringify({ id: `evt_${p.body.id}`, object: 'event', type: 'charge.dispute.created', data: { object: { object: 'dispute', payment_intent: intent } } });
    const pub = client(rt.url);
    const forged = await pub.raw('POST', '/webhooks/stripe', body, { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' });
    expect(forged.status).toBe(400);
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: rt.env['STRIPE_WEBHOOK_SECRET']! });
    const ok = await pub.raw('POST', '/webhooks/stripe', body, { 'content-type': 'application/json', 'stripe-signature': header });
    const again = await pub.raw('POST', '/webhooks/stripe', body, { 'content-type': 'application/json', 'stripe-signature': header });
    expect([ok.status, again.status]).toEqual([200, 200]);
    expect(ok.body.outcome).toBe('labelled');
    expect(again.body.outcome).toBe('duplicate');
  });

  it('a failure injected between saga steps compensates: the capture is refunded, the retry replays, one charge and no orphan', async () => {
    const token = await card(TEST_CARDS.approved);
    const invoke = rt.functions.invoke.bind(rt.functions);
    const host = rt.functions as { invoke: typeof rt.functions.invoke };
    // Adyen is down while the payment is routed (so it lands at Stripe whatever the routing agent
    // prefers) and back before compensation (which voids the unknown Adyen attempt by key). Then
    // the ledger step fails for good: the saga must undo the capture at Stripe.
    host.invoke = async (id, event, rid) => {
      const e = event as { step?: string };
      if (id === 'PaymentSteps' && e.step === 'post_ledger') {
        await sandboxControl('adyen', { mode: 'up' });
        throw Object.assign(new Error('ledger unavailable'), { name: 'LedgerDown' });
      }
      return invoke(id, event, rid);
    };
    await sandboxControl('adyen', { mode: 'down' });
    let first;
    try {
      first = await pay(token, {}, 'inject-1');
    } finally {
      host.invoke = invoke;
      await sandboxControl('adyen', { mode: 'up' });
    }
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'failed', processor: null });
    const retry = await pay(token, {}, 'inject-1');
    expect(retry.text).toBe(first.text);
    const base = new URL(rt.env['STRIPE_API_BASE']!);
    const stripe = new Stripe(rt.env['STRIPE_API_KEY']!, { host: base.hostname, port: Number(base.port), protocol: 'http' });
    const intents = (await stripe.paymentIntents.search({ query: `metadata['payment_id']:'${first.body.id}'` })).data;
    expect(intents).toHaveLength(1);
    const pi = await stripe.paymentIntents.retrieve(intents[0]!.id, { expand: ['latest_charge'] });
    const charge = pi.latest_charge as { amount_captured?: number; amount_refunded?: number } | null;
    expect(charge?.amount_captured).toBe(1990);
    expect(charge?.amount_refunded).toBe(1990);
  });

  it('a transient failure between saga steps is retried by the state machine: one charge, payment succeeded', async () => {
    const token = await card(TEST_CARDS.approved);
    const invoke = rt.functions.invoke.bind(rt.functions);
    const host = rt.functions as { invoke: typeof rt.functions.invoke };
    let failed = 0;
    host.invoke = async (id, event, rid) => {
      if (id === 'PaymentSteps' && (event as { step?: string }).step === 'commit' && failed++ === 0) throw Object.assign(new Error('throttled'), { name: 'TransientError' });
      return invoke(id, event, rid);
    };
    try {
      const r = await pay(token, {}, 'inject-2');
      expect(r.body.status).toBe('succeeded');
      expect(r.body.attempts).toHaveLength(1);
      expect(failed).toBeGreaterThan(1);
    } finally {
      host.invoke = invoke;
    }
  });

  it('1,000 concurrent requests over 50 idempotency keys make exactly 50 payments, 50 ledger entries and 50 payment.succeeded events', async () => {
    const token = await card(TEST_CARDS.approved);
    const before = await api.get('/v1/ledger/balances');
    const receivableBefore = (before.body.balances as Array<{ account: string; amount: number }>).filter((b) => b.account.startsWith('processor_receivable')).reduce((s, b) => s + b.amount, 0);
    const keys = Array.from({ length: 50 }, (_, i) => `storm-${i}`);
    const replies = await Promise.all(Array.from({ length: 1000 }, (_, i) => pay(token, { amount: 1000 }, keys[i % 50])));
    // Every request got a final answer or was told to retry: never a 5xx.
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    // Clients retry the 409s (in flight) until each key has its answer.
    const ids = new Set<string>();
    for (const key of keys) {
      const r = await eventually(async () => {
        const x = await pay(token, { amount: 1000 }, key);
        return x.status === 201 ? x : undefined;
      }, 20_000, 100);
      ids.add(r.body.id);
    }
    expect(ids.size).toBe(50);
    const after = await api.get('/v1/ledger/balances');
    const receivableAfter = (after.body.balances as Array<{ account: string; amount: number }>).filter((b) => b.account.startsWith('processor_receivable')).reduce((s, b) => s + b.amount, 0);
    expect(receivableAfter - receivableBefore).toBe(50 * 1000);
    const events = await eventually(async () => {
      const seen = new Set<string>();
      let after: string | undefined;
      for (;;) {
        const page = await api.get(`/v1/events?limit=100${after ? `&starting_after=${after}` : ''}`);
        for (const e of page.body.data) if (e.type === 'payment.succeeded' && ids.has(e.data.object.id)) seen.add(e.data.object.id);
        if (!page.body.has_more) break;
        after = page.body.data.at(-1).id;
      }
      return seen.size === 50 ? seen : undefined;
    }, 20_000, 250);
    expect(events.size).toBe(50);
  }, 120_000);
});
