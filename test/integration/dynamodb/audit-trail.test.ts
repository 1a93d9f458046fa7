import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditTrail, auditPutItems } from '../../../functions/adapters/dynamodb/audit-trail.js';
import { AUDIT_TABLE } from '../../../functions/contracts/tables.js';
import { verifyChain } from '../../../functions/core/audit/index.js';
import { auditTrailContract } from '../../contract/audit-trail.contract.js';
import { openTestDynamo, type TestDynamo } from './tables.js';

let dynamo: TestDynamo;
let table: string;

beforeAll(async () => {
  dynamo = await openTestDynamo();
  table = await dynamo.createTestTable(AUDIT_TABLE);
});
afterAll(async () => {
  await dynamo?.close();
});

/** Counts transactions sent (attempts, including those lost to a concurrent appender) for the report. */
let transactions = 0;
const counting = (): DynamoDBDocumentClient =>
  ({
    send: (command: object) => {
      if (command instanceof TransactWriteCommand) transactions++;
      return dynamo.doc.send(command as never);
    },
  }) as unknown as DynamoDBDocumentClient;

auditTrailContract('DynamoDB Local', async () => new DynamoAuditTrail(counting(), table), {
  concurrentAppenders: 20,
  report: (line) => console.info(line),
  probe: { reset: () => (transactions = 0), summary: () => `${transactions} transactions sent (winners + retries)` },
});

describe('auditPutItems', () => {
  const draft = { at: '2026-11-22T10:00:00.000Z', actor: 'saga', action: 'payment.succeeded', data: { amount: 100 } };

  it('lets a use case append inside its own transaction, after which the trail continues the chain', async () => {
    const trail = new DynamoAuditTrail(dynamo.doc, table);
    await trail.append('pay_own_tx', [draft]);
    const { items, head } = auditPutItems(table, 'pay_own_tx', await trail.head('pay_own_tx'), [draft, draft]);
    await dynamo.doc.send(new TransactWriteCommand({ TransactItems: items }));
    expect(head.seq).toBe(3);
    const next = await trail.append('pay_own_tx', [draft]);
    expect(next.seq).toBe(4);
    expect(verifyChain(await trail.list('pay_own_tx'), next)).toEqual({ verified: true });
  });

  it('cannot overwrite: items built from a stale head are refused by the seq condition', async () => {
    const trail = new DynamoAuditTrail(dynamo.doc, table);
    await trail.append('pay_stale', [draft]);
    const { items } = auditPutItems(table, 'pay_stale', undefined, [draft]);
    await expect(dynamo.doc.send(new TransactWriteCommand({ TransactItems: items }))).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
    expect(await trail.list('pay_stale')).toHaveLength(1);
  });
});
