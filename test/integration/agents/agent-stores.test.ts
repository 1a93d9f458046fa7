import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCardRetryCounter } from '../../../functions/adapters/dynamodb/card-retries.js';
import { DynamoDbEventOutbox } from '../../../functions/adapters/dynamodb/event-outbox.js';
import { DynamoDbLedgerRecords } from '../../../functions/adapters/dynamodb/ledger-records.js';
import { DynamoLedger } from '../../../functions/adapters/dynamodb/ledger.js';
import { DynamoDbRiskStore } from '../../../functions/adapters/dynamodb/risk-store.js';
import { DynamoDbRoutingStateStore } from '../../../functions/adapters/dynamodb/routing-state.js';
import { applyAttemptOutcome } from '../../../functions/app/agents/routing-feedback.js';
import { learnFromLabel, recordPaymentOutcome } from '../../../functions/app/agents/risk-feedback.js';
import { AgentRiskAssessor } from '../../../functions/app/decisions/agent-risk.js';
import { buildEvent } from '../../../functions/app/events.js';
import { RoutingStateConflictError } from '../../../functions/app/ports/routing-state.js';
import { cardCaptureEntry } from '../../../functions/core/ledger/index.js';
import { paymentView, type Payment } from '../../../functions/core/payments/index.js';
import { emptyRoutingState } from '../../../functions/core/routing/index.js';
import { createTestTables, type TestTables } from '../../support/dynamo.js';

let t: TestTables;
let doc: DynamoDBDocumentClient;
const now = new Date('2026-11-22T12:00:00Z');

beforeAll(async () => {
  t = await createTestTables();
  doc = DynamoDBDocumentClient.from(t.client, { marshallOptions: { removeUndefinedValues: true } });
});
afterAll(() => t.client.destroy());

const attempt = (i: number, status: string) => buildEvent({
  type: 'payment.attempt.completed', merchantId: 'mer_c', at: now, dedupeKey: `pay_${i}:0:acq_a:${status}`,
  object: { object: 'payment_attempt', id: `pay_${i}:0`, payment_id: `pay_${i}`, processor: 'acq_a', status, latency_ms: 50, amount: 1000, currency: 'brl', method: 'card', brand: 'visa', bin: null },
});
const pay = (i: number, fp = 'fp_int'): Payment => ({
  id: `pay_r${i}`, merchant_id: 'mer_r', status: 'succeeded', amount: 4000 + i, currency: 'brl', amount_captured: 4000 + i, amount_refunded: 0, capture_method: 'automatic',
  payment_method: { type: 'card', id: 'pm_1', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, fingerprint: fp, bin: '424242' },
  processor: 'acq_a', attempts: [], decision: {}, next_action: null, failure: null, agent_id: 'agt_int',
  created: now.toISOString(), updated: now.toISOString(), version: 1, idempotency_key: `k${i}`, audit_head: { seq: 0, hash: '0'.repeat(64) }, ledger_entries: [],
});

describe('agent state stores on DynamoDB Local', () => {
  it('routing state: 12 concurrent consumers each land exactly once (conditional writes, retried on conflict)', async () => {
    const store = new DynamoDbRoutingStateStore(doc, t.names.Platform, true);
    const events = Array.from({ length: 12 }, (_, i) => attempt(i, i % 3 === 0 ? 'error' : 'captured'));
    const results = await Promise.all(events.map((e) => applyAttemptOutcome(e, { store })));
    expect(results.every((r) => r === 'applied')).toBe(true);
    const s = await store.load('mer_c', 'card');
    expect(s.version).toBe(12);
    expect(new Set(s.applied)).toEqual(new Set(events.map((e) => e.id)));
    expect(s.state.breakers['acq_a']).toBeDefined();
    expect(await applyAttemptOutcome(events[0]!, { store })).toBe('duplicate');
  });

  it('routing state: a stale version is refused with RoutingStateConflictError', async () => {
    const store = new DynamoDbRoutingStateStore(doc, t.names.Platform, true);
    await store.save('mer_v', 'card', { state: emptyRoutingState(), applied: [] }, 0);
    await expect(store.save('mer_v', 'card', { state: emptyRoutingState(), applied: [] }, 0)).rejects.toBeInstanceOf(RoutingStateConflictError);
  });

  it('risk entity records: concurrent payments of one card all count, and the assessor reads them in one round trip', async () => {
    const store = new DynamoDbRiskStore(doc, t.names.Platform);
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => recordPaymentOutcome(buildEvent({ type: 'payment.succeeded', merchantId: 'mer_r', at: now, dedupeKey: `pay_r${i}`, object: paymentView(pay(i)) }), { store })));
    expect(outcomes.every((o) => o === 'applied')).toBe(true);
    const r = await store.read({ agent: 'agent:agt_int', card: 'card:fp_int' }, 'agt_int', { withModel: true, consistent: true });
    expect(r.snapshot.card?.t).toHaveLength(6);
    expect(r.snapshot.agent?.n).toBe(6);
    expect(r.versions['card:fp_int']).toBe(6);
    expect(r.model?.version).toBe(6);
    let sends = 0;
    const counting = { send: (c: never) => { sends++; return doc.send(c); } } as unknown as DynamoDBDocumentClient;
    const d = await new AgentRiskAssessor(new DynamoDbRiskStore(counting, t.names.Platform)).assess(pay(99), { now });
    expect(sends).toBe(1);
    expect(d.reasons.map((x) => x.feature)).toContain('card_velocity_1h');
  });

  it('risk labels: learnt once atomically (model, trust, label mark)', async () => {
    const store = new DynamoDbRiskStore(doc, t.names.Platform);
    await recordPaymentOutcome(buildEvent({ type: 'payment.succeeded', merchantId: 'mer_r', at: now, dedupeKey: 'pay_rL', object: paymentView({ ...pay(50, 'fp_l'), id: 'pay_rL' }) }), { store });
    const before = (await store.loadModel())!;
    const label = { payment_id: 'pay_rL', label: 'fraud' as const, source: 'confirmed_fraud' as const };
    const both = await Promise.all([learnFromLabel(label, { store, now }), learnFromLabel(label, { store, now })]);
    expect(both.sort()).toEqual(['applied', 'duplicate']);
    const after = (await store.loadModel())!;
    expect(after.model.updates).toBe(before.model.updates + 1);
    expect((await store.getScored('pay_rL'))?.label).toBe('fraud');
  });

  it('card retry counter: concurrent declines on one card are all counted', async () => {
    const c = new DynamoDbCardRetryCounter(doc, t.names.Platform);
    await Promise.all(Array.from({ length: 5 }, (_, i) => c.record('fp_retry', now.getTime() + i)));
    expect((await c.history('fp_retry')).attempts).toHaveLength(5);
  });

  it('event outbox: an event id already announced is skipped without failing the others', async () => {
    const o = new DynamoDbEventOutbox(doc, t.names.Platform);
    const e1 = buildEvent({ type: 'risk.label', merchantId: 'mer_o', at: now, dedupeKey: 'a', object: { object: 'risk_label', id: 'rl_a' } });
    const e2 = buildEvent({ type: 'risk.label', merchantId: 'mer_o', at: now, dedupeKey: 'b', object: { object: 'risk_label', id: 'rl_b' } });
    await o.emit([e1]);
    await expect(o.emit([e1, e2])).resolves.toBeUndefined();
  });

  it('ledger records: the reconciliation scan returns card captures of every merchant in the window', async () => {
    const ledger = new DynamoLedger(doc, t.names.Ledger);
    await ledger.post(cardCaptureEntry({ merchantId: 'mer_l1', paymentId: 'pay_l1', psp: 'stripe', currency: 'brl', amount: 1990, createdAt: '2026-11-22T10:00:00.000Z' }));
    await ledger.post(cardCaptureEntry({ merchantId: 'mer_l2', paymentId: 'pay_l2', psp: 'adyen', currency: 'brl', amount: 500, fee: 25, createdAt: '2026-11-22T11:00:00.000Z' }));
    await ledger.post(cardCaptureEntry({ merchantId: 'mer_l2', paymentId: 'pay_l3', psp: 'adyen', currency: 'brl', amount: 700, createdAt: '2026-11-23T11:00:00.000Z' }));
    const recs = await new DynamoDbLedgerRecords(doc, t.names.Ledger).cardCaptures({ from: new Date('2026-11-22T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') });
    expect(recs.map((r) => [r.reference, r.source, r.amount, r.merchant_id]).sort()).toEqual([['pay_l1', 'stripe', 1990, 'mer_l1'], ['pay_l2', 'adyen', 500, 'mer_l2']]);
  });
});
