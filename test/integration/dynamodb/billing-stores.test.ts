/**
 * Subscriptions, invoices and triggers on DynamoDB Local: the invoice sequence under concurrency
 * (no duplicate, no gap), one invoice per (subscription, period), optimistic subscription writes,
 * the due index, and firings recorded once.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbSubscriptionStore } from '../../../functions/adapters/dynamodb/subscriptions.js';
import { DynamoDbTriggerStore } from '../../../functions/adapters/dynamodb/triggers.js';
import { SubscriptionConflictError } from '../../../functions/app/ports/subscription-store.js';
import { invoiceNumber, type Invoice, type Subscription } from '../../../functions/core/billing/index.js';
import { createTestTables, type TestTables } from '../../support/dynamo.js';

let t: TestTables;
let subs: DynamoDbSubscriptionStore;
let triggers: DynamoDbTriggerStore;

beforeAll(async () => {
  t = await createTestTables();
  const doc = DynamoDBDocumentClient.from(t.client, { marshallOptions: { removeUndefinedValues: true } });
  subs = new DynamoDbSubscriptionStore(doc, t.names.Platform);
  triggers = new DynamoDbTriggerStore(doc, t.names.Platform);
}, 30_000);
afterAll(() => t?.client.destroy());

const draft = (id: string, merchant: string): Omit<Invoice, 'number'> => ({
  id, merchant_id: merchant, subscription_id: 'sub_1', period: { index: 0, start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  status: 'open', currency: 'brl', lines: [{ description: 'x', quantity: 1, unit_amount: 100, amount: 100 }], subtotal: 100, total: 100, amount_paid: 0,
  attempt_count: 0, attempt_times: [], payment_ids: [], next_payment_attempt: null, last_failure: null, created: '2026-11-01T00:00:00.000Z', paid_at: null, version: 1,
});

const sub = (id: string, next: string | null): Subscription => ({
  id, merchant_id: 'mer_due', status: 'active', payment_method: { type: 'card', token: 'pm_1' }, items: [{ description: 'x', amount: 100, quantity: 1 }],
  currency: 'brl', interval: 'month', interval_count: 1, start_at: '2026-11-01T00:00:00.000Z', current_period: 0, next_attempt_at: next,
  history: [], disputes: [], canceled_at: null, created: '2026-11-01T00:00:00.000Z', updated: '2026-11-01T00:00:00.000Z', version: 1,
});

describe('invoice numbering on DynamoDB Local', () => {
  it('40 concurrent invoices of one merchant get 40 distinct, gapless numbers; another merchant starts at 1', async () => {
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => subs.createInvoice(draft(`in_c${i}`, 'mer_conc'), (seq) => invoiceNumber('mer_conc', seq))));
    const seqs = created.map((i) => Number(i.number.split('-')[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const other = await subs.createInvoice(draft('in_other', 'mer_other'), (seq) => invoiceNumber('mer_other', seq));
    expect(other.number).toBe('OTHERXXX-0001');
  }, 60_000);

  it('the same invoice created concurrently is written once with one number, and takes no second number', async () => {
    const same = await Promise.all(Array.from({ length: 8 }, () => subs.createInvoice(draft('in_same', 'mer_same'), (seq) => invoiceNumber('mer_same', seq))));
    expect(new Set(same.map((i) => i.number))).toEqual(new Set(['SAMEXXXX-0001']));
    const next = await subs.createInvoice(draft('in_next', 'mer_same'), (seq) => invoiceNumber('mer_same', seq));
    expect(next.number).toBe('SAMEXXXX-0002');
  }, 30_000);

  it('invoice updates are optimistic and invisible to another merchant', async () => {
    const inv = await subs.createInvoice(draft('in_upd', 'mer_upd'), (seq) => invoiceNumber('mer_upd', seq));
    await subs.updateInvoice({ ...inv, status: 'paid', version: 2 });
    await expect(subs.updateInvoice({ ...inv, status: 'void', version: 2 })).rejects.toBeInstanceOf(SubscriptionConflictError);
    expect((await subs.getInvoice('mer_upd', 'in_upd'))?.status).toBe('paid');
    expect(await subs.getInvoice('mer_else', 'in_upd')).toBeUndefined();
  });
});

describe('subscriptions on DynamoDB Local', () => {
  it('lists only what is due, oldest first; a canceled one leaves the index; writes are optimistic', async () => {
    await subs.create(sub('sub_d2', '2026-11-02T00:00:00.000Z'));
    await subs.create(sub('sub_d1', '2026-11-01T00:00:00.000Z'));
    await subs.create(sub('sub_future', '2027-01-01T00:00:00.000Z'));
    expect((await subs.create(sub('sub_d1', null))).created).toBe(false);
    const due = (await subs.listDue(new Date('2026-11-05T00:00:00Z'), 50)).filter((s) => s.merchant_id === 'mer_due').map((s) => s.id);
    expect(due).toEqual(['sub_d1', 'sub_d2']);
    const d1 = (await subs.get('mer_due', 'sub_d1'))!;
    await subs.update({ ...d1, status: 'canceled', next_attempt_at: null, version: 2 });
    await expect(subs.update({ ...d1, version: 2 })).rejects.toBeInstanceOf(SubscriptionConflictError);
    expect((await subs.listDue(new Date('2026-11-05T00:00:00Z'), 50)).map((s) => s.id)).not.toContain('sub_d1');
  });
});

describe('triggers on DynamoDB Local', () => {
  it('lists a merchant’s triggers in creation order and records each firing once', async () => {
    const base = { merchant_id: 'mer_t', pattern: { source: ['merchant'] }, action: { type: 'payment' as const, params: {} }, status: 'enabled' as const };
    await triggers.create({ ...base, id: 'trg_2', created: '2026-01-02T00:00:00Z', updated: '2026-01-02T00:00:00Z' });
    await triggers.create({ ...base, id: 'trg_1', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z' });
    expect((await triggers.list('mer_t')).map((x) => x.id)).toEqual(['trg_1', 'trg_2']);
    const f = { trigger_id: 'trg_1', event_id: 'mev_1', merchant_id: 'mer_t', action: 'payment' as const, at: '2026-01-03T00:00:00Z' };
    const results = await Promise.all([1, 2, 3].map((n) => triggers.recordFiring({ ...f, result: { id: `pay_${n}`, status: 'succeeded' } })));
    expect(new Set(results.map((r) => JSON.stringify(r.result))).size).toBe(1);
    expect(await triggers.isTriggerResult((results[0]!.result as { id: string }).id)).toBe(true);
    expect(await triggers.isTriggerResult('pay_unknown')).toBe(false);
  });
});
