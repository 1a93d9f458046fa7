/** DynamoDB Local for tests: the run's shared instance, with unique table names per caller. */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createTables, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb/index.js';
import { localTableNames } from '../../local/env.js';
import type { TableDef } from '../../functions/contracts/tables.js';

export const ddbEndpoint = (): string => inject('ddbEndpoint');

export function testDynamoClient(endpoint = ddbEndpoint()): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** A prefix no other test file uses, so files can run in parallel against one database. */
export const uniquePrefix = (label = 't'): string => `${label}-${randomBytes(4).toString('hex')}-`;

export interface TestTables {
  readonly prefix: string;
  readonly names: Record<TableDef['id'], string>;
  readonly client: DynamoDBClient;
}

/** Creates the contract's tables under `<prefix>agentpay-<id>` in the shared DynamoDB Local. */
export async function createTestTables(prefix: string = uniquePrefix()): Promise<TestTables> {
  const client = testDynamoClient();
  const names = localTableNames(prefix);
  await createTables(client, names);
  return { prefix, names, client };
}
