/**
 * Creates the contract's tables (functions/contracts/tables.ts) in DynamoDB Local: keys, GSIs,
 * TTL and streams exactly as declared. Idempotent: an existing table is kept as it is.
 */
import {
  CreateTableCommand, DescribeTableCommand, ResourceInUseException, ResourceNotFoundException,
  UpdateTimeToLiveCommand, waitUntilTableExists,
  type AttributeDefinition, type DynamoDBClient, type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type KeyDef, type TableDef } from '../../functions/contracts/tables.js';

export type TableNames = Readonly<Record<TableDef['id'], string>>;

const keySchema = (pk: KeyDef, sk?: KeyDef): KeySchemaElement[] => [
  { AttributeName: pk.name, KeyType: 'HASH' },
  ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
];

function attributeDefinitions(t: TableDef): AttributeDefinition[] {
  const defs = new Map<string, KeyDef['type']>();
  for (const k of [t.partitionKey, t.sortKey, ...t.gsis.flatMap((g) => [g.partitionKey, g.sortKey])]) {
    if (k) defs.set(k.name, k.type);
  }
  return [...defs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

async function exists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return false;
    throw err;
  }
}

async function createOne(client: DynamoDBClient, t: TableDef, name: string): Promise<boolean> {
  if (await exists(client, name)) return false;
  try {
    await client.send(new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema(t.partitionKey, t.sortKey),
      AttributeDefinitions: attributeDefinitions(t),
      ...(t.gsis.length > 0 && {
        GlobalSecondaryIndexes: t.gsis.map((g) => ({
          IndexName: g.indexName,
          KeySchema: keySchema(g.partitionKey, g.sortKey),
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
      ...(t.stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } }),
    }));
  } catch (err) {
    if (err instanceof ResourceInUseException) return false; // created concurrently: fine
    throw err;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: name });
  if (t.ttlAttribute) {
    await client.send(new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: t.ttlAttribute, Enabled: true },
    }));
  }
  return true;
}

/**
 * Creates every table of `tables` (default: the contract's) under the given names; returns the
 * ids of the tables it created (existing ones are left untouched).
 */
export async function createTables(
  client: DynamoDBClient,
  names: TableNames,
  tables: readonly TableDef[] = TABLES,
): Promise<TableDef['id'][]> {
  const created = await Promise.all(tables.map(async (t) => ((await createOne(client, t, names[t.id])) ? t.id : undefined)));
  return created.filter((x): x is TableDef['id'] => x !== undefined);
}
