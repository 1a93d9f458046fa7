/**
 * Bulk Pix payouts end to end on the local runtime: HTTP → DynamoDB Local → the payout-batch state
 * machine (aws-local-stepfunctions, same ASL) → the sandbox PSP over HTTP → ledger → outbox event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';
import { UNREGISTERED_KEY, api, createMerchant, sandboxPayouts, validItems } from '../support/payouts.js';

describe('payout batches (e2e, local runtime + sandbox PSP)', () => {
  let rt: TestRuntime;
  let http: ReturnType<typeof api>;
  let pixBase: string;
  beforeAll(async () => {
    rt = await startTestRuntime({ retryIntervalScale: 0.01 });
    const m = await createMerchant(rt.url, rt.adminKey);
    http = api(rt.url, m.secret_key);
    pixBase = rt.env['PIX_API_BASE']!;
  });
  afterAll(() => rt?.stop());

  it('200 items with 5 invalid keys: 195 paid exactly once at the PSP, 5 failed invalid_pix_key, ledger and event follow; the same Idempotency-Key returns the same batch', async () => {
    const before = await sandboxPayouts(pixBase);
    const items = validItems(200, 'big');
    const bad = ['+55119', 'Not@Lower.com', '12345678900', 'abc', '0000000-0000'];
    bad.forEach((key, i) => { items[i * 40]!.destination.key = key; });
    const res = await http.post('/v1/payouts/batches', { items }, 'batch-200');
    expect(res.status).toBe(202);
    const created = (await res.json()) as { id: string; status: string; counts: { failed: number } };
    expect(created).toMatchObject({ status: 'running', counts: { total: 200, failed: 5 } });

    const done = await http.until(created.id, ['completed', 'completed_with_errors']);
    expect(done).toMatchObject({ status: 'completed_with_errors', counts: { total: 200, succeeded: 195, failed: 5, canceled: 0, pending: 0 } });
    const psp = await sandboxPayouts(pixBase);
    expect(psp.transfers - before.transfers).toBe(195);
    const paidAmount = items.filter((_, i) => i % 40 !== 0).reduce((a, i) => a + i.amount, 0);
    expect(psp.total_centavos - before.total_centavos).toBe(paidAmount);

    const list = await (await http.get(`/v1/payouts/batches/${created.id}/items?limit=100`)).json() as { data: Array<{ reference: string; status: string; failure: { code: string; message: string } | null; destination: { key_masked: string } }>; has_more: boolean };
    expect(list.has_more).toBe(true);
    const failed = list.data.filter((i) => i.status === 'failed');
    expect(failed.map((i) => i.failure?.code)).toEqual(['invalid_pix_key', 'invalid_pix_key', 'invalid_pix_key']);
    expect(failed[0]!.failure!.message).toMatch(/phone/i);
    expect(JSON.stringify(list)).not.toContain(items[1]!.destination.key);

    const replay = await http.post('/v1/payouts/batches', { items }, 'batch-200');
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { id: string }).id).toBe(created.id);

    const csv = await http.get(`/v1/payouts/batches/${created.id}/report.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(201);
    expect(lines[0]).toMatch(/^item_id,reference,amount/);

    const balances = await (await http.get('/v1/ledger/balances')).json() as { balances: Array<{ account: string; amount: number }> };
    expect(balances.balances.find((b) => b.account === 'payout_clearing')?.amount).toBe(-paidAmount);
    const event = await eventually(async () => {
      const ev = await (await http.get('/v1/events?limit=20')).json() as { data: Array<{ type: string; data: { object: { id: string; counts: { succeeded: number } } } }> };
      return ev.data.find((e) => e.type === 'payout.batch.completed' && e.data.object.id === created.id);
    }, 10_000);
    expect(event.data.object.counts.succeeded).toBe(195);
    expect(psp.transfers - before.transfers).toBe((await sandboxPayouts(pixBase)).transfers - before.transfers);
  });

  it('bad values fail only their item (negative amount, fraction, usd, duplicate reference, unregistered key at the DICT); the rest are paid', async () => {
    const items = validItems(8, 'mixed');
    items[1]!.amount = -5;
    items[2]!.amount = 10.5;
    items[3]!.currency = 'usd';
    items[4]!.reference = items[0]!.reference;
    items[5]!.destination.key = UNREGISTERED_KEY;
    const created = (await (await http.post('/v1/payouts/batches', { items }, 'mixed-1')).json()) as { id: string };
    const done = await http.until(created.id, ['completed', 'completed_with_errors']);
    expect(done.counts).toMatchObject({ total: 8, succeeded: 3, failed: 5 });
    const list = await (await http.get(`/v1/payouts/batches/${created.id}/items`)).json() as { data: Array<{ status: string; failure: { code: string } | null }> };
    expect(list.data.map((i) => i.failure?.code ?? i.status)).toEqual(['paid', 'invalid_amount', 'invalid_amount', 'invalid_currency', 'duplicate_reference', 'key_not_found', 'paid', 'paid']);
  });

  it('a malformed scheduled_for, a missing destination key or an unknown field answers 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ items: validItems(1), scheduled_for: 'tomorrow 9am' }, 'scheduled_for'],
      [{ items: [{ reference: 'x', amount: 1, currency: 'brl', destination: { type: 'pix_key' } }] }, 'items[0].destination.key'],
      [{ items: validItems(1), priority: 'high' }, 'priority'],
      [{ items: [] }, 'items'],
    ];
    for (const [body, param] of cases) {
      const res = await http.post('/v1/payouts/batches', body, `bad-${param}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_request', param });
    }
    expect((await http.post('/v1/payouts/batches', { items: validItems(1) })).status).toBe(400);
  });

  it('scheduled_for in the future creates a one-off schedule: scheduled first, then run by the local Scheduler', async () => {
    const at = new Date(Date.now() + 2_000).toISOString();
    const res = await http.post('/v1/payouts/batches', { items: validItems(3, 'sched'), scheduled_for: at }, 'sched-1');
    const b = (await res.json()) as { id: string; status: string };
    expect(b.status).toBe('scheduled');
    expect(rt.scheduler.list().some((s) => s.Name === `payout-${b.id}` && s.ScheduleExpression.startsWith('at('))).toBe(true);
    const done = await http.until(b.id, ['completed'], 15_000);
    expect(done.counts.succeeded).toBe(3);
  });

  it('pause stops paying, resume finishes the batch, cancel of a scheduled batch cancels every item and pays nobody', async () => {
    const before = await sandboxPayouts(pixBase);
    const sched = (await (await http.post('/v1/payouts/batches', { items: validItems(4, 'c'), scheduled_for: new Date(Date.now() + 60_000).toISOString() }, 'cancel-1')).json()) as { id: string };
    const paused = await http.post(`/v1/payouts/batches/${sched.id}/pause`, {});
    expect(((await paused.json()) as { status: string }).status).toBe('paused');
    expect((await http.post(`/v1/payouts/batches/${sched.id}/pause`, {})).status).toBe(409);
    const resumed = (await (await http.post(`/v1/payouts/batches/${sched.id}/resume`, {})).json()) as { status: string };
    expect(resumed.status).toBe('running');
    await http.until(sched.id, ['completed']);

    const later = (await (await http.post('/v1/payouts/batches', { items: validItems(4, 'd'), scheduled_for: new Date(Date.now() + 60_000).toISOString() }, 'cancel-2')).json()) as { id: string };
    expect(((await (await http.post(`/v1/payouts/batches/${later.id}/cancel`, {})).json()) as { status: string }).status).toBe('canceled');
    const canceled = await eventually(async () => { const b = await http.batch(later.id); return b.counts.canceled === 4 ? b : undefined; }, 10_000);
    expect(canceled).toMatchObject({ status: 'canceled', counts: { succeeded: 0, canceled: 4, pending: 0 } });
    expect((await sandboxPayouts(pixBase)).transfers - before.transfers).toBe(4);
  });

  it("another merchant's batch is 404", async () => {
    const other = api(rt.url, (await createMerchant(rt.url, rt.adminKey)).secret_key);
    const mine = (await (await http.post('/v1/payouts/batches', { items: validItems(1, 'own') }, 'own-1')).json()) as { id: string };
    expect((await other.get(`/v1/payouts/batches/${mine.id}`)).status).toBe(404);
  });
});
