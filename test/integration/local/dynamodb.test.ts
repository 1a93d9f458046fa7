import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../../functions/contracts/tables.js';
import { createTables, findJava, JavaMissingError, startDynamoLocal } from '../../../local/dynamodb/index.js';
import { localTableNames } from '../../../local/env.js';
import { createTestTables, testDynamoClient, uniquePrefix } from '../../support/dynamo.js';

const alive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try { process.kill(pid, 0); return true; } catch { return false; }
};

describe('DynamoDB Local launcher', () => {
  const dirs: string[] = [];
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('persists data under -dbPath across a restart and leaves no JVM running after stop', async () => {
    const dbPath = mkdtempSync(join(tmpdir(), 'ddb-persist-'));
    dirs.push(dbPath);
    const first = await startDynamoLocal({ inMemory: false, dbPath });
    const names = localTableNames(uniquePrefix());
    const c1 = testDynamoClient(first.endpoint);
    await createTables(c1, names);
    await c1.send(new PutItemCommand({ TableName: names.Platform, Item: { pk: { S: 'p' }, sk: { S: 's' }, v: { S: 'kept' } } }));
    c1.destroy();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startDynamoLocal({ inMemory: false, dbPath });
    const c2 = testDynamoClient(second.endpoint);
    const got = await c2.send(new GetItemCommand({ TableName: names.Platform, Key: { pk: { S: 'p' }, sk: { S: 's' } } }));
    c2.destroy();
    await second.stop();
    expect(got.Item?.v?.S).toBe('kept');
    expect(alive(second.pid)).toBe(false);
  }, 60_000);

  it('reports a missing java with the command that installs it', () => {
    expect(() => findJava({ JAVA_HOME: '/nonexistent-jdk' })).toThrow(JavaMissingError);
    expect(() => findJava({ JAVA_HOME: '/nonexistent-jdk' })).toThrow(/apt-get install -y openjdk-17-jre-headless/);
  });
});

describe('createTables', () => {
  it('creates every contract table with its keys, GSIs, TTL and stream, and is idempotent', async () => {
    const { names, client } = await createTestTables();
    expect(await createTables(client, names)).toEqual([]); // second call: nothing new, no error
    for (const t of TABLES) {
      const d = (await client.send(new DescribeTableCommand({ TableName: names[t.id] }))).Table!;
      expect(d.KeySchema?.map((k) => k.AttributeName)).toEqual([t.partitionKey.name, ...(t.sortKey ? [t.sortKey.name] : [])]);
      expect((d.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort()).toEqual(t.gsis.map((g) => g.indexName).sort());
      expect(d.StreamSpecification?.StreamViewType).toBe(t.stream);
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: names[t.id] }));
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe(t.ttlAttribute);
    }
    client.destroy();
  });
});
