/**
 * DynamoDB Local for the ledger and audit integration tests. The endpoint comes from the vitest
 * global setup (`inject('ddbEndpoint')`); when that setup is not in place, this file starts its
 * own in-memory DynamoDB Local for the test file (local/dynamodb launcher). Each call to
 * {@link createTestTable} creates the contract's table under a unique name, so test files never
 * see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient, type AttributeDefinition, type KeySchemaElement } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import type { KeyDef, TableDef } from '../../../functions/contracts/tables.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoLocal, type DynamoLocal } from '../../../local/dynamodb/index.js';

export interface TestDynamo {
  readonly endpoint: string;
  readonly doc: DynamoDBDocumentClient;
  createTestTable(def: TableDef): Promise<string>;
  close(): Promise<void>;
}

/** The global setup's endpoint, when it provides one (read loosely: it may not be declared yet). */
function injectedEndpoint(): string | undefined {
  try {
    const value = (inject as (key: string) => unknown)('ddbEndpoint');
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function openTestDynamo(): Promise<TestDynamo> {
  let own: DynamoLocal | undefined;
  let endpoint = injectedEndpoint();
  if (endpoint === undefined) {
    own = await startDynamoLocal({ inMemory: true });
    endpoint = own.endpoint;
  }
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const doc = DynamoDBDocumentClient.from(client);
  return {
    endpoint,
    doc,
    createTestTable: (def) => createTable(client, def),
    async close() {
      client.destroy();
      await own?.stop();
    },
  };
}

const keySchema = (pk: KeyDef, sk?: KeyDef): KeySchemaElement[] => [
  { AttributeName: pk.name, KeyType: 'HASH' },
  ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
];

/** Creates `def` (keys and GSIs exactly as declared) under a unique name and returns the name. */
async function createTable(client: DynamoDBClient, def: TableDef): Promise<string> {
  const name = `test-${def.id.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const attrs = new Map<string, KeyDef['type']>();
  for (const k of [def.partitionKey, def.sortKey, ...def.gsis.flatMap((g) => [g.partitionKey, g.sortKey])]) {
    if (k) attrs.set(k.name, k.type);
  }
  const AttributeDefinitions: AttributeDefinition[] = [...attrs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema(def.partitionKey, def.sortKey),
      AttributeDefinitions,
      ...(def.gsis.length > 0 && {
        GlobalSecondaryIndexes: def.gsis.map((g) => ({
          IndexName: g.indexName,
          KeySchema: keySchema(g.partitionKey, g.sortKey),
          Projection: { ProjectionType: 'ALL' as const },
        })),
      }),
    }),
  );
  return name;
}
