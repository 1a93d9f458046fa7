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
  // Node 20 is the project's runtime by decision (STACK.md); keep the SDK's reminder out of test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const ddb = await startDynamoLocal({ inMemory: true });
  project.provide('ddbEndpoint', ddb.endpoint);
  return async () => {
    await ddb.stop();
  };
}
