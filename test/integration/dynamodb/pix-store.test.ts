/**
 * The Pix flows on DynamoDB Local: the Pix store's conditional writes and indexes, and the webhook
 * credit path end to end on the real payment store, ledger and outbox (PSP: the in-memory fake).
 */
import { ScanCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoLedger } from '../../../functions/adapters/dynamodb/ledger.js';
import { DynamoDbPaymentStore } from '../../../functions/adapters/dynamodb/payments.js';
import { DynamoDbPixStore } from '../../../functions/adapters/dynamodb/pix-store.js';
import { MemoryVault } from '../../../functions/adapters/memory/payment-methods.js';
import { InMemoryPixPsp } from '../../../functions/adapters/memory/pix-psp.js';
import { createPixPayment } from '../../../functions/app/pix/charges.js';
import type { PixDeps } from '../../../functions/app/pix/deps.js';
import { expirePixCharges } from '../../../functions/app/pix/expiry.js';
import { handlePixCallback } from '../../../functions/app/pix/webhook.js';
import type { PixChargeRecord } from '../../../functions/app/ports/pix-store.js';
import { buildEvent } from '../../../functions/app/events.js';
import { createTestTables, type TestTables } from '../../support/dynamo.js';

describe('Pix on DynamoDB Local', () => {
  let t: TestTables;
  let doc: DynamoDBDocumentClient;
  let store: DynamoDbPixStore;
  beforeAll(async () => {
    t = await createTestTables();
    doc = DynamoDBDocumentClient.from(t.client, { marshallOptions: { removeUndefinedValues: true } });
    store = new DynamoDbPixStore(doc, t.names.Platform);
  });

  const outbox = async (type: string) =>
    ((await doc.send(new ScanCommand({ TableName: t.names.Platform, FilterExpression: '#k = :o AND #t = :t', ExpressionAttributeNames: { '#k': 'kind', '#t': 'type' }, ExpressionAttributeValues: { ':o': 'outbox', ':t': type } }))).Items ?? [])
      .map((i) => JSON.parse(i['detail'] as string) as { id: string; data: { object: Record<string, unknown> } });

  const charge = (over: Partial<PixChargeRecord> = {}): PixChargeRecord => ({
    txid: `T${Math.random().toString(36).slice(2).padEnd(12, '0')}${'x'.repeat(20)}`.slice(0, 32), payment_id: `pay_${Math.random().toString(36).slice(2)}`, merchant_id: 'mer_1',
    amount: 100, status: 'active', brcode: 'b', expires_at: '2026-01-01T00:00:00.000Z', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', ...over,
  });

  it('creates a charge once, finds it by txid (gsi1 TXID#) and lists it as open until it is no longer active', async () => {
    const c = charge({ expires_at: '2020-01-01T00:00:00.000Z' });
    expect((await store.createCharge(c)).created).toBe(true);
    expect(await store.createCharge({ ...c, amount: 999 })).toMatchObject({ created: false, charge: { amount: 100 } });
    expect(await store.getChargeByTxid(c.txid)).toEqual(c);
    expect((await store.listExpiredActive('2021-01-01T00:00:00.000Z', 100)).map((x) => x.txid)).toContain(c.txid);
    await store.putCharge({ ...c, status: 'expired' });
    expect((await store.listExpiredActive('2021-01-01T00:00:00.000Z', 100)).map((x) => x.txid)).not.toContain(c.txid);
  });

  it('claims a received Pix once per endToEndId and lists received Pix by paid_at window (inclusive)', async () => {
    const r = { end_to_end_id: 'E12345678202611221200abcdefghijk', amount: 100, paid_at: '2026-11-22T12:00:00.000Z', status: 'pending' as const, received: '2026-11-22T12:00:01.000Z' };
    expect((await store.claimReceived(r)).created).toBe(true);
    expect(await store.claimReceived({ ...r, status: 'credited' })).toMatchObject({ created: false, record: { status: 'pending' } });
    expect((await store.listReceived('2026-11-22T12:00:00.000Z', '2026-11-22T12:00:00.000Z')).map((x) => x.end_to_end_id)).toEqual([r.end_to_end_id]);
    expect(await store.listReceived('2026-11-22T12:00:00.001Z', '2026-11-23T00:00:00.000Z')).toEqual([]);
  });

  it('keeps pending refunds until removed and drops a repeated outbox event', async () => {
    await store.addPendingRefund({ refund_id: 're_1', merchant_id: 'mer_1', end_to_end_id: 'E1', created: '2026-01-01T00:00:00.000Z' });
    expect((await store.listPendingRefunds(10)).map((p) => p.refund_id)).toEqual(['re_1']);
    await store.removePendingRefund('re_1');
    expect(await store.listPendingRefunds(10)).toEqual([]);
    const e = buildEvent({ type: 'reconciliation.discrepancy', merchantId: 'mer_1', object: { object: 'reconciliation_discrepancy', id: 'd1' }, at: new Date(), dedupeKey: 'd1' });
    await store.emit([e]);
    await store.emit([e]);
    expect((await outbox('reconciliation.discrepancy')).filter((x) => x.id === e.id)).toHaveLength(1);
  });

  it('duplicate concurrent callbacks on DynamoDB credit once: one ledger entry, one pix.charge.completed in the outbox; expiry then leaves it alone', async () => {
    const psp = new InMemoryPixPsp();
    const payments = new DynamoDbPaymentStore(doc, t.names.Platform, t.names.Audit);
    const deps: PixDeps = { payments, pix: store, psp, ledger: new DynamoLedger(doc, t.names.Ledger), clock: { now: () => new Date() }, qr: { svg: async () => '<svg/>' }, receiverKey: psp.receiverKey, vault: new MemoryVault() };
    const { payment, charge: c } = await createPixPayment({ amount: 4321 }, { amount: 4321 }, { merchantId: 'mer_ddb' }, 'k-ddb', deps);
    const pix = await psp.simulatePayment({ txid: c.txid });
    const body = JSON.stringify({ pix: [{ endToEndId: pix.endToEndId, txid: c.txid, valor: '43.21', horario: pix.paidAt }] });
    const outcomes = (await Promise.all([1, 2, 3, 4].map(() => handlePixCallback(body, deps)))).flat().map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'credited').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === 'credited' || o === 'duplicate')).toBe(true);
    expect((await payments.getById(payment.id))?.status).toBe('succeeded');
    expect(await deps.ledger.listEntries('mer_ddb')).toHaveLength(1);
    expect((await outbox('pix.charge.completed')).filter((x) => x.data.object['txid'] === c.txid)).toHaveLength(1);
    expect((await outbox('payment.succeeded')).filter((x) => x.data.object['id'] === payment.id)).toHaveLength(1);
    expect((await expirePixCharges(deps)).expired).toBe(0);
  });
});
