/**
 * Recurring charges and conditional triggers end to end on the local runtime: HTTP → handlers →
 * DynamoDB Local → the card saga (local Step Functions) → sandbox acquirers, with the renewal
 * schedule function invoked the way the scheduler fires it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, TEST_CARDS } from '../support/http-client.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

let rt: TestRuntime;
let api: ReturnType<typeof client>;
let merchantKey: string;

async function card(number: string): Promise<string> {
  const r = await api.post('/v1/payment_methods', { type: 'card', card: { number, exp_month: 12, exp_year: 2031, cvc: '123' } });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

beforeAll(async () => {
  rt = await startTestRuntime();
  const m = await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'E2E Billing' });
  expect(m.status).toBe(201);
  merchantKey = m.body.secret_key;
  api = client(rt.url, merchantKey);
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

describe('subscriptions over HTTP', () => {
  it('shows the customer to its merchant but keeps it only sealed at rest', async () => {
    const token = await card(TEST_CARDS.approved);
    const customer = { email: 'ana@example.com', name: 'Ana Souza', tax_id: '52998224725' };
    const body = { customer, payment_method: { type: 'card', token }, items: [{ description: 'Basic', amount: 990, quantity: 1 }], currency: 'brl', interval: 'month' };
    const created = await api.post('/v1/subscriptions', body, { 'idempotency-key': 'sub-pii' });
    expect(created.status).toBe(201);
    expect(created.body.customer).toEqual(customer);
    expect((await api.get(`/v1/subscriptions/${created.body.id}`)).body.customer).toEqual(customer);
    const { DynamoDBClient, ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const db = new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const items = JSON.stringify((await db.send(new ScanCommand({ TableName: rt.tableNames['Platform'] }))).Items ?? []);
    expect(items).toContain(created.body.id);
    expect(items).not.toContain('52998224725');
    expect(items).not.toContain('ana@example.com');
  });

  it('a card subscription started in the past renews on the schedule: a paid, numbered invoice as JSON, HTML and PDF', async () => {
    const token = await card(TEST_CARDS.approved);
    const body = { payment_method: { type: 'card', token }, items: [{ description: 'Pro <plan>', amount: 2990, quantity: 2 }], currency: 'brl', interval: 'month', start_at: '2026-01-15T09:00:00Z' };
    const created = await api.post('/v1/subscriptions', body, { 'idempotency-key': 'sub-1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'subscription', status: 'active', latest_invoice: null, churn_risk: { level: 'low' } });
    const replay = await api.post('/v1/subscriptions', body, { 'idempotency-key': 'sub-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const summary = (await rt.functions.invoke('SubscriptionRenewals', {})) as { outcomes: { paid: number } };
    expect(summary.outcomes.paid).toBeGreaterThanOrEqual(1);
    const sub = await api.get(`/v1/subscriptions/${created.body.id}`);
    expect(sub.body.status).toBe('active');
    expect(sub.body.latest_invoice).toMatch(/^in_/);
    expect(Date.parse(sub.body.current_period_start)).toBeGreaterThan(Date.parse('2026-01-15T09:00:00Z'));

    const inv = await api.get(`/v1/invoices/${sub.body.latest_invoice}`);
    expect(inv.status).toBe(200);
    expect(inv.body).toMatchObject({ object: 'invoice', status: 'paid', total: 5980, amount_paid: 5980, subscription_id: created.body.id });
    expect(inv.body.number).toMatch(/^[0-9A-Z]{8}-\d{4}$/);
    const payment = await api.get(`/v1/payments/${inv.body.payment_ids[0]}`);
    expect(payment.body).toMatchObject({ status: 'succeeded', amount: 5980, metadata: { subscription_id: created.body.id } });

    const html = await api.get(`/v1/invoices/${sub.body.latest_invoice}.html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('Pro &lt;plan&gt;');
    const pdf = await fetch(`${rt.url}/v1/invoices/${sub.body.latest_invoice}.pdf`, { headers: { authorization: `Bearer ${merchantKey}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(bytes)![1]);
    expect(bytes.slice(xref, xref + 4)).toBe('xref');

    // Running the schedule again charges nothing more for periods already paid.
    const before = (await api.get('/v1/payments?limit=100')).body.data.length;
    await rt.functions.invoke('SubscriptionRenewals', {});
    expect((await api.get('/v1/payments?limit=100')).body.data.length).toBe(before);

    const canceled = await api.post(`/v1/subscriptions/${created.body.id}/cancel`, {});
    expect(canceled.body).toMatchObject({ status: 'canceled', next_attempt_at: null });
    expect((await api.get('/v1/invoices/in_unknown')).status).toBe(404);
  }, 60_000);

  it('bad input is a 400 naming the field', async () => {
    const r = await api.post('/v1/subscriptions', { payment_method: { type: 'card', token: 'pm_x' }, items: [{ description: 'a', amount: 1.5, quantity: 1 }], currency: 'brl', interval: 'month' }, { 'idempotency-key': 'sub-bad' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'invalid_request', param: 'items[0].amount' });
    const s = await api.post('/v1/subscriptions', { payment_method: { type: 'card', token: 'pm_x' }, items: [{ description: 'a', amount: 100, quantity: 1 }], currency: 'brl', interval: 'day' }, { 'idempotency-key': 'sub-bad2' });
    expect(s.body).toMatchObject({ status: 400, param: 'interval' });
  });
});

describe('conditional triggers over HTTP', () => {
  it('an order.shipped trigger creates the payment when POST /v1/events matches, once even when the event is re-posted', async () => {
    const token = await card(TEST_CARDS.approved);
    const trg = await api.post('/v1/triggers', { pattern: { 'detail-type': ['order.shipped'], detail: { total: [{ numeric: ['>', 0] }] } }, action: { type: 'payment', params: { amount: 1234, currency: 'brl', payment_method: { type: 'card', token } } } });
    expect(trg.status).toBe(201);
    expect(trg.body).toMatchObject({ object: 'trigger', status: 'enabled' });
    expect((await api.get('/v1/triggers')).body.data.map((t: { id: string }) => t.id)).toContain(trg.body.id);

    const other = await api.post('/v1/events', { type: 'order.created', data: { total: 10 } }, { 'idempotency-key': 'ev-0' });
    expect(other.body.firings).toEqual([]);
    const ev = await api.post('/v1/events', { type: 'order.shipped', data: { order_id: 'A-1', total: 1234 } }, { 'idempotency-key': 'ev-1' });
    expect(ev.status).toBe(200);
    expect(ev.body.firings).toHaveLength(1);
    const paymentId = ev.body.firings[0].result.id as string;
    expect(ev.body.firings[0].result.status).toBe('succeeded');
    const again = await api.post('/v1/events', { type: 'order.shipped', data: { order_id: 'A-1', total: 1234 } }, { 'idempotency-key': 'ev-1' });
    expect(again.body.firings[0].result.id).toBe(paymentId);
    const list = (await api.get('/v1/payments?limit=100')).body.data as Array<{ id: string; amount: number; metadata: Record<string, string> }>;
    expect(list.filter((p) => p.metadata['agentpay_trigger_id'] === trg.body.id).map((p) => p.id)).toEqual([paymentId]);

    const disabled = await api.post(`/v1/triggers/${trg.body.id}/disable`, {});
    expect(disabled.body.status).toBe('disabled');
    expect((await api.post('/v1/events', { type: 'order.shipped', data: { total: 5 } }, { 'idempotency-key': 'ev-2' })).body.firings).toEqual([]);
  }, 60_000);

  it('a malformed pattern is a 400 whose param points into the pattern; POST /v1/events needs an Idempotency-Key', async () => {
    const r = await api.post('/v1/triggers', { pattern: { detail: { total: [{ numeric: ['>'] }] } }, action: { type: 'payment', params: {} } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_request');
    expect(r.body.param).toMatch(/^pattern\.detail\.total\[0\]/);
    const e = await api.post('/v1/events', { type: 'order.shipped', data: {} });
    expect(e.status).toBe(400);
    expect(e.body.code).toBe('idempotency_key_required');
  });
});
