import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamConsumerDef } from '../../../functions/contracts/streams.js';
import { DeadLetterLog } from '../../../local/bus/index.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/dynamodb/index.js';
import { StreamPoller, type LambdaStreamRecord } from '../../../local/streams/index.js';
import { createTestTables, ddbEndpoint, type TestTables } from '../../support/dynamo.js';
import { eventually } from '../../support/runtime.js';

const outbox: StreamConsumerDef = {
  id: 'outbox-test', table: 'Platform', functionId: 'OutboxPublisher',
  filter: { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } },
  batchSize: 100, maxRetries: 2,
};

type Batch = { Records: LambdaStreamRecord[] };

describe('stream poller', () => {
  let tables: TestTables;
  const dir = mkdtempSync(join(tmpdir(), 'streams-'));
  beforeAll(async () => { tables = await createTestTables(); });
  afterAll(() => { tables.client.destroy(); rmSync(dir, { recursive: true, force: true }); });

  const put = (pk: string, kind: string): Promise<unknown> =>
    tables.client.send(new PutItemCommand({ TableName: tables.names.Platform, Item: { pk: { S: pk }, sk: { S: 'x' }, kind: { S: kind }, n: { N: '1' } } }));

  const poller = (invoke: (id: string, e: Batch) => Promise<unknown>, file?: string, dead = new DeadLetterLog()): StreamPoller =>
    new StreamPoller({
      endpoint: ddbEndpoint(), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS,
      consumers: [{ def: outbox, tableName: tables.names.Platform }], invoke, deadLetters: dead,
      ...(file && { checkpointFile: file }), pollMs: 20, retryBaseMs: 5,
    });

  it('delivers an inserted outbox item as a Lambda stream batch, filters out other items, in under a second', async () => {
    const batches: Batch[] = [];
    const p = poller(async (_id, e) => { batches.push(e); return { batchItemFailures: [] }; }, join(dir, 'a.json'));
    await p.start();
    const t0 = Date.now();
    await put('not-outbox', 'payment');
    await put('evt-1', 'outbox');
    const delivered = await eventually(async () => (batches.flatMap((b) => b.Records).length > 0 ? batches.flatMap((b) => b.Records) : undefined));
    const latency = Date.now() - t0;
    await p.caughtUp();
    await p.stop();
    const all = batches.flatMap((b) => b.Records);
    expect(all).toHaveLength(1);
    const r = delivered[0]!;
    expect(r.eventName).toBe('INSERT');
    expect(r.eventSource).toBe('aws:dynamodb');
    expect(r.eventSourceARN).toMatch(/stream/);
    expect(r.dynamodb.NewImage).toEqual({ pk: { S: 'evt-1' }, sk: { S: 'x' }, kind: { S: 'outbox' }, n: { N: '1' } });
    expect(typeof r.dynamodb.ApproximateCreationDateTime).toBe('number');
    expect(latency).toBeLessThan(1_000);
  });

  it('resumes after the checkpoint on restart: records written while stopped arrive, old ones do not', async () => {
    const file = join(dir, 'b.json');
    const seen: string[] = [];
    const collect = async (_id: string, e: Batch): Promise<unknown> => { for (const r of e.Records) seen.push((r.dynamodb.NewImage as { pk: { S: string } }).pk.S); return {}; };
    const first = poller(collect, file);
    await first.start();
    await put('before-stop', 'outbox');
    await eventually(async () => (seen.includes('before-stop') ? true : undefined));
    await first.caughtUp();
    await first.stop();
    await put('while-stopped', 'outbox');
    seen.length = 0;
    const second = poller(collect, file);
    await second.start();
    await eventually(async () => (seen.includes('while-stopped') ? true : undefined));
    await second.caughtUp();
    await second.stop();
    expect(seen).toEqual(['while-stopped']);
  });

  it('retries from the first record named in batchItemFailures, then dead-letters after maxRetries', async () => {
    const calls: string[][] = [];
    const dead = new DeadLetterLog();
    const p = poller(async (_id, e) => {
      const keys = e.Records.map((r) => (r.dynamodb.NewImage as { pk: { S: string } }).pk.S);
      calls.push(keys);
      const bad = e.Records.find((r) => (r.dynamodb.NewImage as { pk: { S: string } }).pk.S === 'poison');
      return { batchItemFailures: bad ? [{ itemIdentifier: bad.dynamodb.SequenceNumber }] : [] };
    }, join(dir, 'c.json'), dead);
    await p.start();
    await p.caughtUp();
    calls.length = 0;
    await tables.client.send(new PutItemCommand({ TableName: tables.names.Platform, Item: { pk: { S: 'good' }, sk: { S: 'x' }, kind: { S: 'outbox' } } }));
    await tables.client.send(new PutItemCommand({ TableName: tables.names.Platform, Item: { pk: { S: 'poison' }, sk: { S: 'x' }, kind: { S: 'outbox' } } }));
    await eventually(async () => (dead.entries.length > 0 ? true : undefined), 5_000);
    await p.stop();
    const poisonAttempts = calls.filter((c) => c.includes('poison'));
    expect(poisonAttempts).toHaveLength(outbox.maxRetries + 1);
    // Only the first delivery carried the good record; retries start at the failed one.
    expect(calls.filter((c) => c.includes('good'))).toHaveLength(1);
    expect(dead.entries[0]).toMatchObject({ source: 'stream:outbox-test', reason: 'retries_exhausted', attempts: outbox.maxRetries + 1 });
  });
});
