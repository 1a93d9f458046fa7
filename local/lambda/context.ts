import { randomUUID } from 'node:crypto';
import type { FunctionDef } from '../../functions/contracts/functions.js';
import { functionArn } from './arns.js';

/** The fields of Lambda's `context` object that handlers and Powertools read. */
export interface LambdaContext {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export function lambdaContext(def: FunctionDef, awsRequestId: string = randomUUID()): LambdaContext {
  const deadline = Date.now() + def.timeoutSeconds * 1000;
  return {
    awsRequestId,
    functionName: def.id,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(def.id),
    memoryLimitInMB: String(def.memoryMb),
    logGroupName: `/aws/lambda/${def.id}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
