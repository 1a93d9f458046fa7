import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MemoryEventOutbox } from '../../../functions/adapters/memory/event-outbox.js';
import { MemoryPaymentStore } from '../../../functions/adapters/memory/payments.js';
import { MemoryRiskStore } from '../../../functions/adapters/memory/risk-store.js';
import { SerialLanes } from '../../../functions/app/agents/lanes.js';
import { learnFromLabel, recordPaymentOutcome, trustEventOf } from '../../../functions/app/agents/risk-feedback.js';
import { AgentRiskAssessor } from '../../../functions/app/decisions/agent-risk.js';
import { buildEvent } from '../../../functions/app/events.js';
import { submitRiskLabel } from '../../../functions/app/risk-labels.js';
import { paymentView, type Payment } from '../../../functions/core/payments/index.js';
import { buildScreeningIndex, INITIAL_THRESHOLDS, parseSanctionsList, trustScore } from '../../../functions/core/risk/index.js';

const now = new Date('2026-11-22T12:00:00Z');
const pay = (i: number, extra: Partial<Payment> = {}): Payment => ({
  id: `pay_${i}`, merchant_id: 'mer_1', status: 'succeeded', amount: 5000, currency: 'brl', amount_captured: 5000, amount_refunded: 0, capture_method: 'automatic',
  payment_method: { type: 'card', id: 'pm_1', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, fingerprint: 'fp_1', bin: '424242' },
  processor: 'acq_a', attempts: [], decision: {}, next_action: null, failure: null, agent_id: 'agt_1',
  created: now.toISOString(), updated: now.toISOString(), version: 1, idempotency_key: `k${i}`, audit_head: { seq: 0, hash: '0'.repeat(64) }, ledger_entries: [], ...extra,
});
const outcome = (p: Payment) => buildEvent({ type: 'payment.succeeded', merchantId: p.merchant_id, object: paymentView(p), at: now, dedupeKey: p.id });

describe('risk agent', () => {
  it('assesses with one store read per payment and the model cached between reads', async () => {
    const store = new MemoryRiskStore();
    const risk = new AgentRiskAssessor(store, { modelCacheMs: 60_000 });
    const d = await risk.assess(pay(1), { now });
    await risk.assess(pay(2), { now });
    expect(store.reads).toBe(2);
    expect(d.outcome).toBe('approve');
    expect(d.score).toBeGreaterThan(0);
    expect(d.score).toBeLessThan(1);
  });

  it('sends a payment whose customer name matches the sanctions list to review (AML screening)', async () => {
    const list = parseSanctionsList(JSON.parse(await readFile('functions/core/risk/aml/sample-sanctions.json', 'utf8')));
    if (!list.ok) throw new Error('sample list invalid');
    const risk = new AgentRiskAssessor(new MemoryRiskStore(), { rules: { sanctions: buildScreeningIndex(list.list) } });
    // The name reaches risk through the saga's transient context, never from the stored payment.
    const hit = await risk.assess(pay(3), { now, customer: { name: 'Joaquim Ferreira Baltasar' } });
    const clean = await risk.assess(pay(4), { now, customer: { name: 'Ana Souza' } });
    expect(hit.outcome).toBe('review');
    expect((hit as { rules?: string[] }).rules).toEqual(['aml:sanctions_match:SAMPLE-0001']);
    expect(clean.outcome).toBe('approve');
  });

  it('card velocity recorded by the consumer raises the next score of the same card', async () => {
    const store = new MemoryRiskStore();
    const risk = new AgentRiskAssessor(store, { modelCacheMs: 0 });
    const first = await risk.assess(pay(10), { now });
    for (let i = 10; i < 16; i++) expect(await recordPaymentOutcome(outcome(pay(i)), { store })).toBe('applied');
    const later = await risk.assess(pay(16), { now });
    expect(later.score).toBeGreaterThan(first.score);
    expect(later.reasons.map((r) => r.feature)).toContain('card_velocity_1h');
  });

  it('records a payment outcome once (redelivery is a duplicate) and moves the review threshold', async () => {
    const store = new MemoryRiskStore();
    expect(await recordPaymentOutcome(outcome(pay(20)), { store })).toBe('applied');
    expect(await recordPaymentOutcome(outcome(pay(20)), { store })).toBe('duplicate');
    expect(store.records.get('card:fp_1')?.version).toBe(1);
    expect(store.model?.thresholds.review_logit).not.toBe(INITIAL_THRESHOLDS.review_logit);
  });

  it('records an outcome in one read and one all-or-nothing write (entities, features, model threshold); a lane queues a process’s outcomes', async () => {
    const store = new MemoryRiskStore();
    const lanes = new SerialLanes();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => recordPaymentOutcome(outcome(pay(50 + i)), { store, lanes })));
    expect(results).toEqual(Array(6).fill('applied'));
    expect(store.reads).toBe(6);
    expect(store.model?.version).toBe(6);
    expect(store.records.get('card:fp_1')?.version).toBe(6);
    expect(lanes.busy).toBe(0);
    // Another process moved the model since the read: nothing of this outcome lands, it is re-read and applied.
    const recordScored = store.recordScored.bind(store);
    let raced = false;
    store.recordScored = async (...args) => {
      if (!raced) { raced = true; store.model = { ...store.model!, version: store.model!.version + 1 }; }
      return recordScored(...args);
    };
    expect(await recordPaymentOutcome(outcome(pay(60)), { store, lanes })).toBe('applied');
    expect(store.reads).toBe(8);
    expect(store.records.get('card:fp_1')?.version).toBe(7);
    expect(store.model?.version).toBe(8);
  });

  it('without a lane, concurrent outcomes still all land (conditional writes, retried)', async () => {
    const store = new MemoryRiskStore();
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => recordPaymentOutcome(outcome(pay(70 + i)), { store })));
    expect(results).toEqual(Array(4).fill('applied'));
    expect(store.model?.version).toBe(4);
    expect(store.reads).toBeGreaterThan(4);
  });

  it('learns from a fraud label once: model updated, agent trust lowered', async () => {
    const store = new MemoryRiskStore();
    await recordPaymentOutcome(outcome(pay(30)), { store });
    const before = structuredClone(store.model!);
    expect(await learnFromLabel({ payment_id: 'pay_30', label: 'fraud', source: 'chargeback' }, { store, now })).toBe('applied');
    expect(await learnFromLabel({ payment_id: 'pay_30', label: 'fraud', source: 'chargeback' }, { store, now })).toBe('duplicate');
    expect(store.model!.model.updates).toBe(before.model.updates + 1);
    expect(store.model!.model.bias).toBeGreaterThan(before.model.bias);
    const trust = store.records.get('trust:agt_1')!.data as Parameters<typeof trustScore>[0];
    expect(trustScore(trust, now.getTime())).toBeLessThan(0.5);
  });

  it('a legit label moves the decline threshold and raises trust; review verdicts weigh as review events', async () => {
    const store = new MemoryRiskStore();
    await recordPaymentOutcome(outcome(pay(40)), { store });
    const declineBefore = store.model!.thresholds.decline_logit;
    await learnFromLabel({ payment_id: 'pay_40', label: 'legit', source: 'review' }, { store, now });
    expect(store.model!.thresholds.decline_logit).not.toBe(declineBefore);
    expect(trustScore(store.records.get('trust:agt_1')!.data as never, now.getTime())).toBeGreaterThan(0.5);
    expect(trustEventOf({ payment_id: 'p', label: 'fraud', source: 'review' })).toBe('review_declined');
    expect(trustEventOf({ payment_id: 'p', label: 'fraud', source: 'med' })).toBe('fraud');
  });

  it('a label for a payment not yet scored fails so the bus retries it later', async () => {
    await expect(learnFromLabel({ payment_id: 'pay_none', label: 'fraud', source: 'med' }, { store: new MemoryRiskStore(), now })).rejects.toThrow(/no risk features/);
  });

  it('the labels endpoint emits one risk.label event per distinct label and 404s another merchant\'s payment', async () => {
    const payments = new MemoryPaymentStore();
    await payments.create(pay(50));
    const outbox = new MemoryEventOutbox();
    const deps = { payments, outbox, clock: { now: () => now } };
    const r = await submitRiskLabel('mer_1', { payment_id: 'pay_50', label: 'fraud', source: 'chargeback' }, deps);
    await submitRiskLabel('mer_1', { payment_id: 'pay_50', label: 'fraud', source: 'chargeback' }, deps);
    expect(r).toMatchObject({ object: 'risk_label', payment_id: 'pay_50', status: 'accepted' });
    expect(outbox.events.map((e) => e.type)).toEqual(['risk.label']);
    await expect(submitRiskLabel('mer_2', { payment_id: 'pay_50', label: 'legit', source: 'review' }, deps)).rejects.toMatchObject({ code: 'not_found' });
  });
});
