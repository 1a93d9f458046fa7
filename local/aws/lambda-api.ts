/**
 * Lambda `Invoke` (restJson1, `POST /2015-03-31/functions/{FunctionName}/invocations`) for the
 * handlers' real `@aws-sdk/client-lambda` (AWS_ENDPOINT_URL_LAMBDA points here): the card
 * connectors run as their own functions on AWS, so locally they are invoked the same way.
 * A handler error answers 200 with `X-Amz-Function-Error: Unhandled` and `{ errorType,
 * errorMessage }`, exactly as Lambda does.
 */
import { functionIdFromArn } from '../lambda/arns.js';

export type LambdaInvoke = (functionName: string, payload: unknown) => Promise<{ payload: unknown; functionError?: string }>;

export const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export function lambdaApi(invoke: (id: string, event: unknown) => Promise<unknown>): LambdaInvoke {
  return async (functionName, payload) => {
    const id = functionIdFromArn(decodeURIComponent(functionName)) ?? decodeURIComponent(functionName);
    try {
      return { payload: (await invoke(id, payload)) ?? null };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      return { payload: { errorType: e.name, errorMessage: e.message }, functionError: 'Unhandled' };
    }
  };
}
