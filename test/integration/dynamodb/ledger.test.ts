import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoLedger, ledgerPutItems } from '../../../functions/adapters/dynamodb/ledger.js';
import { LEDGER_TABLE } from '../../../functions/contracts/tables.js';
import { cardCaptureEntry, entryId } from '../../../functions/core/ledger/index.js';
import { ledgerContract } from '../../contract/ledger.contract.js';
import { openTestDynamo, type TestDynamo } from './tables.js';

let dynamo: TestDynamo;
let table: string;

beforeAll(async () => {
  dynamo = await openTestDynamo();
  table = await dynamo.createTestTable(LEDGER_TABLE);
});
afterAll(async () => {
  await dynamo?.close();
});

/** Counts the requests the adapter sends, by command, for the concurrency figures. */
const counts = new Map<string, number>();
const counting = (): DynamoDBDocumentClient =>
  ({
    send: (command: { constructor: { name: string } }) => {
      counts.set(command.constructor.name, (counts.get(command.constructor.name) ?? 0) + 1);
      return dynamo.doc.send(command as never);
    },
  }) as unknown as DynamoDBDocumentClient;

ledgerContract('DynamoDB Local', async () => new DynamoLedger(counting(), table), {
  propertyRuns: 12,
  report: (line) => console.info(line),
  probe: {
    reset: () => counts.clear(),
    summary: () => [...counts].map(([k, v]) => `${k.replace('Command', '')}×${v}`).join(' '),
  },
});

describe('DynamoLedger storage layout', () => {
  it('stores the entry under ENTRY#<id> with the per-merchant time index keys, and balances under BAL#<merchant>', async () => {
    const e = cardCaptureEntry({ merchantId: 'mer_layout', paymentId: 'pay_l', psp: 'stripe', amount: 300, currency: 'brl', createdAt: '2026-11-22T10:00:00.000Z' });
    await new DynamoLedger(dynamo.doc, table).post(e);
    const item = (await dynamo.doc.send(new GetCommand({ TableName: table, Key: { pk: `ENTRY#${e.id}`, sk: 'ENTRY' } }))).Item;
    expect(item).toMatchObject({ gsi1pk: 'MERCHANT#mer_layout', gsi1sk: `2026-11-22T10:00:00.000Z#${e.id}` });
    const bal = (await dynamo.doc.send(new GetCommand({ TableName: table, Key: { pk: 'BAL#mer_layout', sk: 'merchant_payable#brl' } }))).Item;
    expect(bal).toMatchObject({ account: 'merchant_payable', currency: 'brl', amount: -300 });
  });

  it('ledgerPutItems lets another transaction post the entry; the ledger then sees it as already posted', async () => {
    const ledger = new DynamoLedger(dynamo.doc, table);
    const e = cardCaptureEntry({ merchantId: 'mer_tx', paymentId: 'pay_tx', psp: 'adyen', amount: 800, currency: 'usd', createdAt: '2026-11-22T10:00:00.000Z' });
    await dynamo.doc.send(new TransactWriteCommand({ TransactItems: ledgerPutItems(table, e) }));
    expect(await ledger.post(e)).toBe('already_posted');
    expect(await ledger.balances('mer_tx')).toHaveLength(2);
  });

  it('propagates a failure that is not a condition or contention (missing table) instead of reporting a result', async () => {
    const ledger = new DynamoLedger(dynamo.doc, 'no-such-table');
    const e = cardCaptureEntry({ merchantId: 'mer_x', paymentId: entryId('x', 'y'), psp: 'stripe', amount: 1, currency: 'brl', createdAt: '2026-11-22T10:00:00.000Z' });
    await expect(ledger.post(e)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
