/**
 * DynamoDB Local for the ledger and audit integration tests: the run's shared instance from the
 * vitest global setup (`inject('ddbEndpoint')`, test/support/dynamo.ts), with the contract's
 * tables created under a prefix unique to each call, so test files never see each other's data.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableDef } from '../../../functions/contracts/tables.js';
import { createTestTables, ddbEndpoint, testDynamoClient, uniquePrefix } from '../../support/dynamo.js';

export interface TestDynamo {
  readonly endpoint: string;
  readonly doc: DynamoDBDocumentClient;
  /** Creates the contract's tables under a fresh prefix and returns the name of `def`'s. */
  createTestTable(def: TableDef): Promise<string>;
  close(): Promise<void>;
}

export async function openTestDynamo(): Promise<TestDynamo> {
  const endpoint = ddbEndpoint();
  const client = testDynamoClient(endpoint);
  return {
    endpoint,
    doc: DynamoDBDocumentClient.from(client),
    async createTestTable(def) {
      const tables = await createTestTables(uniquePrefix('ledger-audit'));
      tables.client.destroy();
      return tables.names[def.id];
    },
    async close() {
      client.destroy();
    },
  };
}
