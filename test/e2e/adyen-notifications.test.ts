/**
 * Adyen refunds settle by standard webhook, end to end over HTTP: the Adyen sandbox answers a
 * refund `received` and then POSTs a signed REFUND notification to `/webhooks/adyen` (learned
 * through the runtime's `ready` hook); the refund ends `succeeded` with its ledger entry and one
 * `refund.succeeded` event, whatever the duplicates. A forged notification is 401 and changes nothing.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client, TEST_CARDS } from '../support/http-client.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';

let rt: TestRuntime;
let api: ReturnType<typeof client>;
let seq = 0;

async function control(processor: 'stripe' | 'adyen', path: 'control' | 'notifications', body: Record<string, unknown>): Promise<void> {
  const base = processor === 'stripe' ? rt.env['STRIPE_API_BASE'] : rt.env['ADYEN_CHECKOUT_BASE'];
  const r = await fetch(`${base}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(200);
}

/** A card payment that ends at Adyen: Stripe is down while it is routed. */
async function payAtAdyen(amount = 1990): Promise<{ id: string; psp: string }> {
  const pm = await api.post('/v1/payment_methods', { type: 'card', card: { number: TEST_CARDS.approved, exp_month: 12, exp_year: 2031, cvc: '123' } });
  await control('stripe', 'control', { mode: 'down' });
  const p = await api.post('/v1/payments', { amount, currency: 'brl', payment_method: { type: 'card', token: pm.body.id } }, { 'idempotency-key': `adyen-nt-${++seq}` })
    .finally(() => control('stripe', 'control', { mode: 'up' }));
  expect(p.body).toMatchObject({ status: 'succeeded', processor: 'adyen' });
  const found = (await (await fetch(`${rt.env['ADYEN_CHECKOUT_BASE']}/__sandbox/payments?paymentId=${p.body.id}`)).json()) as { payments: Array<{ pspReference: string; status: string }> };
  return { id: p.body.id, psp: found.payments.find((x) => x.status === 'captured')!.pspReference };
}

const refund = (paymentId: string, amount: number) => api.post('/v1/refunds', { payment_id: paymentId, amount }, { 'idempotency-key': `adyen-re-${++seq}` });

const refundEvents = async (id: string): Promise<Array<{ type: string }>> => {
  const r = await api.get('/v1/events?limit=100');
  return (r.body.data as Array<{ type: string; data: { object: { id: string } } }>).filter((e) => e.data.object.id === id);
};

function notification(item: { psp: string; original: string; merchantReference: string; value: number; success?: boolean }, key: string): string {
  const account = rt.env['ADYEN_MERCHANT_ACCOUNT']!;
  const success = String(item.success ?? true);
  const payload = [item.psp, item.original, account, item.merchantReference, item.value, 'BRL', 'REFUND', success].join(':');
  const hmacSignature = createHmac('sha256', Buffer.from(key, 'hex')).update(payload).digest('base64');
  return JSON.stringify({
    live: 'false',
    notificationItems: [{ NotificationRequestItem: {
      eventCode: 'REFUND', success, pspReference: item.psp, originalReference: item.original, merchantAccountCode: account,
      merchantReference: item.merchantReference, amount: { value: item.value, currency: 'BRL' }, reason: '', additionalData: { hmacSignature },
    } }],
  });
}

beforeAll(async () => {
  rt = await startTestRuntime();
  const m = await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'E2E Adyen notifications' });
  expect(m.status).toBe(201);
  api = client(rt.url, m.body.secret_key);
}, 60_000);

afterEach(async () => {
  await control('adyen', 'notifications', { delay_ms: 100, duplicates: 0, refund_success: true });
});

afterAll(async () => {
  await rt?.stop();
});

describe('Adyen refunds settled by notification', () => {
  it('the sandbox’s signed REFUND notification (delivered twice) settles the refund once: ledger entry, amount_refunded, one refund.succeeded', async () => {
    expect(rt.env['ADYEN_HMAC_KEY']).toMatch(/^[0-9A-F]{64}$/);
    await control('adyen', 'notifications', { duplicates: 1 });
    const p = await payAtAdyen();
    const r = await refund(p.id, 990);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', amount: 990 });
    const done = await eventually(async () => {
      const got = await api.get(`/v1/refunds/${r.body.id}`);
      return got.body.status === 'succeeded' ? got.body : undefined;
    }, 5_000);
    expect(done).toMatchObject({ id: r.body.id, amount: 990, status: 'succeeded' });
    const after = await api.get(`/v1/payments/${p.id}`);
    expect(after.body.amount_refunded).toBe(990);
    const balances = (await api.get('/v1/ledger/balances')).body.balances as Array<{ account: string; currency: string; amount: number }>;
    expect(balances.find((b) => b.account === 'refunds' && b.currency === 'brl')?.amount).toBe(990);
    expect(balances.filter((b) => b.currency === 'brl').reduce((a, b) => a + b.amount, 0)).toBe(0);
    await eventually(async () => ((await refundEvents(r.body.id)).some((e) => e.type === 'refund.succeeded') ? true : undefined), 5_000);
    // The duplicate delivery has had time to arrive: still one event and one refund.
    await new Promise((res) => setTimeout(res, 300));
    expect((await refundEvents(r.body.id)).filter((e) => e.type === 'refund.succeeded')).toHaveLength(1);
    expect((await api.get(`/v1/payments/${p.id}`)).body.amount_refunded).toBe(990);
  });

  it('a REFUND notification with success=false fails the refund and releases the amount', async () => {
    await control('adyen', 'notifications', { refund_success: false });
    const p = await payAtAdyen();
    const r = await refund(p.id, 1990);
    expect(r.body.status).toBe('pending');
    await eventually(async () => ((await api.get(`/v1/refunds/${r.body.id}`)).body.status === 'failed' ? true : undefined), 5_000);
    const after = await api.get(`/v1/payments/${p.id}`);
    expect(after.body.amount_refunded).toBe(0);
    await control('adyen', 'notifications', { refund_success: true });
    const again = await refund(p.id, 1990);
    expect(again.status).toBe(201);
  });

  it('a forged notification is 401 problem+json and changes nothing; the genuinely signed one answers [accepted]', async () => {
    // The sandbox's own notification is held back, so only ours reach the API.
    await control('adyen', 'notifications', { delay_ms: 60_000 });
    const p = await payAtAdyen();
    const r = await refund(p.id, 500);
    expect(r.body.status).toBe('pending');
    const pub = client(rt.url);
    const item = { psp: 'FORGED00000000001', original: p.psp, merchantReference: r.body.id as string, value: 500 };
    const forged = await pub.raw('POST', '/webhooks/adyen', notification(item, 'AB'.repeat(32)), { 'content-type': 'application/json' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    const tampered = JSON.parse(notification(item, rt.env['ADYEN_HMAC_KEY']!)) as { notificationItems: Array<{ NotificationRequestItem: { amount: { value: number } } }> };
    tampered.notificationItems[0]!.NotificationRequestItem.amount.value = 1990;
    expect((await pub.raw('POST', '/webhooks/adyen', JSON.stringify(tampered), { 'content-type': 'application/json' })).status).toBe(401);
    expect((await api.get(`/v1/refunds/${r.body.id}`)).body.status).toBe('pending');
    expect((await api.get(`/v1/payments/${p.id}`)).body.amount_refunded).toBe(0);
    const genuine = await pub.raw('POST', '/webhooks/adyen', notification({ ...item, psp: 'GENUINE0000000001' }, rt.env['ADYEN_HMAC_KEY']!), { 'content-type': 'application/json' });
    expect([genuine.status, genuine.text]).toEqual([200, '[accepted]']);
    expect((await api.get(`/v1/refunds/${r.body.id}`)).body.status).toBe('succeeded');
    expect((await api.get(`/v1/payments/${p.id}`)).body.amount_refunded).toBe(500);
  });
});
