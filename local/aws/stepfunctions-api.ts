/** `AWSStepFunctions.*` (awsJson1_0) operations the handlers call, answered by the local engine. */
import type { ExecutionRecord, LocalStepFunctions } from '../stepfunctions/engine.js';
import { AwsApiError } from './api-error.js';

type Body = Record<string, unknown>;
const epoch = (d: Date | undefined): number | undefined => (d ? d.getTime() / 1000 : undefined);
const str = (b: Body, k: string): string | undefined => (typeof b[k] === 'string' ? (b[k] as string) : undefined);

function required(b: Body, k: string): string {
  const v = str(b, k);
  if (v === undefined) throw new AwsApiError('ValidationException', `1 validation error detected: Value null at '${k[0]!.toLowerCase()}${k.slice(1)}' failed to satisfy constraint: Member must not be null`);
  return v;
}

function describe(rec: ExecutionRecord): Body {
  return {
    executionArn: rec.executionArn, stateMachineArn: rec.stateMachineArn, name: rec.name, status: rec.status,
    startDate: epoch(rec.startDate), stopDate: epoch(rec.stopDate), input: rec.input, inputDetails: { included: true },
    ...(rec.output !== undefined && { output: rec.output, outputDetails: { included: true } }),
    ...(rec.error !== undefined && { error: rec.error }),
    ...(rec.cause !== undefined && { cause: rec.cause }),
  };
}

export function stepFunctionsApi(engine: LocalStepFunctions): (operation: string, body: Body) => Promise<Body> {
  return async (op, b) => {
    switch (op) {
      case 'StartSyncExecution': {
        const rec = await engine.startSyncExecution({ stateMachineArn: required(b, 'stateMachineArn'), input: str(b, 'input'), name: str(b, 'name') });
        return { ...describe(rec), billingDetails: { billedDurationInMilliseconds: 0, billedMemoryUsedInMB: 0 } };
      }
      case 'StartExecution': {
        const rec = engine.startExecution({ stateMachineArn: required(b, 'stateMachineArn'), input: str(b, 'input'), name: str(b, 'name') });
        return { executionArn: rec.executionArn, startDate: epoch(rec.startDate) };
      }
      case 'DescribeExecution':
        return describe(engine.describeExecution(required(b, 'executionArn')));
      case 'SendTaskSuccess':
        engine.sendTaskSuccess(required(b, 'taskToken'), required(b, 'output'));
        return {};
      case 'SendTaskFailure':
        engine.sendTaskFailure(required(b, 'taskToken'), str(b, 'error'), str(b, 'cause'));
        return {};
      case 'SendTaskHeartbeat':
        engine.sendTaskHeartbeat(required(b, 'taskToken'));
        return {};
      default:
        throw new AwsApiError('UnknownOperationException', `AWSStepFunctions.${op} is not emulated locally`);
    }
  };
}
