import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPaymentStore } from '../../../functions/adapters/dynamodb/payments.js';
import { amend, transition, type Payment } from '../../../functions/core/payments/index.js';
import { createTestTables } from '../../support/dynamo.js';

let store: DynamoDbPaymentStore;

const payment = (id: string, updated: string): Payment => ({
  id, merchant_id: 'mer_1', status: 'processing', amount: 100, currency: 'brl', amount_captured: 0, amount_refunded: 0, capture_method: 'automatic',
  payment_method: { type: 'card', id: 'pm_1', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2031, fingerprint: 'fp', bin: '424242' },
  processor: null, attempts: [], decision: {}, next_action: null, failure: null, created: updated, updated, version: 1, idempotency_key: id,
  audit_head: { seq: 0, hash: '0'.repeat(64) }, ledger_entries: [],
});

beforeAll(async () => {
  const t = await createTestTables();
  store = new DynamoDbPaymentStore(DynamoDBDocumentClient.from(t.client), t.names.Platform, t.names.Audit);
});

describe('DynamoDB payment store: payments left processing (sweeper index)', () => {
  it('lists a processing payment older than the cut-off, not a fresh one, and drops it once it moves on', async () => {
    const old = (await store.create(payment('pay_old', '2026-11-22T10:00:00.000Z'))).payment;
    await store.create(payment('pay_new', '2026-11-22T11:59:00.000Z'));
    expect((await store.listProcessingSince('2026-11-22T11:55:00.000Z', 10)).map((p) => p.id)).toEqual(['pay_old']);
    const touched = await store.update(amend(old, new Date('2026-11-22T10:01:00.000Z'), {}));
    expect((await store.listProcessingSince('2026-11-22T11:55:00.000Z', 10)).map((p) => p.id)).toEqual(['pay_old']);
    await store.update(transition(touched, 'failed', new Date('2026-11-22T10:02:00.000Z'), { failure: { code: 'processing_error', message: 'x', retryable: true } }));
    expect(await store.listProcessingSince('2026-11-22T11:55:00.000Z', 10)).toEqual([]);
  });
});
