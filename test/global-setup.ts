/**
 * One in-memory DynamoDB Local for the whole vitest run; tests reach it with
 * `inject('ddbEndpoint')` and isolate themselves with unique table names (test/support/dynamo.ts).
 */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../local/dynamodb/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ddbEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ddb = await startDynamoLocal({ inMemory: true });
  project.provide('ddbEndpoint', ddb.endpoint);
  return async () => {
    await ddb.stop();
  };
}
