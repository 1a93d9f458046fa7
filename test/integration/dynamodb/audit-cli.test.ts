import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditTrail } from '../../../functions/adapters/dynamodb/audit-trail.js';
import { AUDIT_TABLE } from '../../../functions/contracts/tables.js';
import { runAudit } from '../../../local/cli/commands/audit.js';
import type { CliIO } from '../../../local/cli/io.js';
import { openTestDynamo, type TestDynamo } from './tables.js';

let dynamo: TestDynamo;
let table: string;
let env: Record<string, string>;

beforeAll(async () => {
  dynamo = await openTestDynamo();
  table = await dynamo.createTestTable(AUDIT_TABLE);
  // The CLI builds its own client from the environment, exactly as an operator would run it.
  env = { AUDIT_TABLE: table, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint };
  const trail = new DynamoAuditTrail(dynamo.doc, table);
  const d = (action: string) => ({ at: '2026-11-22T10:00:00.000Z', actor: 'saga', action, data: { amount: 1990, action } });
  await trail.append('pay_ok', [d('payment.created'), d('payment.succeeded')]);
  await trail.append('pay_edit', [d('payment.created'), d('risk.assessed'), d('payment.succeeded')]);
  await trail.append('pay_gap', [d('payment.created'), d('risk.assessed'), d('payment.succeeded')]);
});
afterAll(async () => {
  await dynamo?.close();
});

function capture(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
  return io;
}

describe('agentpay audit verify against DynamoDB Local', () => {
  it('verifies one payment’s chain read through the environment’s endpoint and table', async () => {
    const io = capture();
    expect(await runAudit(['verify', '--payment', 'pay_ok'], io, { env })).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ verified: true, streams: 1, entries: 2, broken: [] });
  });

  it('finds an item edited in the table and a deleted item across a full scan, and exits 1', async () => {
    await dynamo.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { stream: 'pay_edit', seq: 2 },
        UpdateExpression: 'SET #data = :data',
        ExpressionAttributeNames: { '#data': 'data' },
        ExpressionAttributeValues: { ':data': '{"action":"risk.assessed","amount":1}' },
      }),
    );
    await dynamo.doc.send(new DeleteCommand({ TableName: table, Key: { stream: 'pay_gap', seq: 2 } }));
    const io = capture();
    expect(await runAudit(['verify'], io, { env })).toBe(1);
    expect(JSON.parse(io.out)).toEqual({
      verified: false,
      streams: 3,
      entries: 7,
      broken: [
        { stream: 'pay_edit', broken_at: 2, reason: 'hash_mismatch' },
        { stream: 'pay_gap', broken_at: 2, reason: 'sequence_gap' },
      ],
    });
  });

  it('exits 1 with internal_error when the table does not exist', async () => {
    const io = capture();
    expect(await runAudit(['verify'], io, { env: { ...env, AUDIT_TABLE: 'no-such-table' } })).toBe(1);
    expect(JSON.parse(io.err).error.code).toBe('internal_error');
  });
});
