/**
 * Maps each Task state (by name) to a local handler that does what the Task's resource does on
 * AWS: a Lambda ARN calls the function's handler; `arn:aws:states:::lambda:invoke` wraps the
 * result as `{ StatusCode, Payload, … }`; `states:startExecution` (.sync / .sync:2) starts a nested
 * local execution; `events:putEvents` puts on the local bus; `.waitForTaskToken` waits on the
 * token broker after the call.
 */
import type { FunctionHost } from '../lambda/function-host.js';
import { functionIdFromArn } from '../lambda/arns.js';
import { injectToken, type TaskStateInfo } from './definition.js';
import type { TokenBroker } from './token-broker.js';

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };
export type LocalTaskHandler = (input: JsonValue) => Promise<JsonValue>;

/** What a Task handler needs from the rest of the runtime. */
export interface TaskServices {
  readonly functions: FunctionHost;
  readonly broker: TokenBroker;
  /** Starts a nested execution; `wait` = .sync semantics. */
  startExecution?(stateMachineArn: string, input: unknown, name: string | undefined, wait: boolean): Promise<Record<string, unknown>>;
  putEvents?(entries: readonly Record<string, unknown>[]): Promise<Record<string, unknown>>;
}

/** Brackets time spent inside handlers (for the interpreter-overhead figure). */
export interface HandlerClock {
  enter(): void;
  exit(): void;
}

/**
 * A function error as Step Functions sees it from Lambda: Error = the thrown error's name
 * (errorType), Cause = Lambda's error payload `{"errorType","errorMessage","trace"}` as a string.
 * The trace is left empty: stack traces must not travel into payment records.
 */
export class LambdaFunctionError extends Error {
  constructor(errorType: string, errorMessage: string) {
    super(JSON.stringify({ errorType, errorMessage, trace: [] }));
    this.name = errorType;
  }
}

function asFunctionError(err: unknown): Error {
  if (err instanceof Error) return new LambdaFunctionError(err.name || 'Error', err.message);
  return new LambdaFunctionError('Error', String(err));
}

const LAMBDA_INVOKE = /^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/;
const START_EXECUTION = /^arn:aws:states:::states:startExecution(\.sync(:2)?|\.waitForTaskToken)?$/;
const PUT_EVENTS = /^arn:aws:states:::events:putEvents(\.waitForTaskToken)?$/;

export function buildTaskHandlers(tasks: readonly TaskStateInfo[], svc: TaskServices, clock: HandlerClock): Record<string, LocalTaskHandler> {
  const handlers: Record<string, LocalTaskHandler> = {};
  for (const task of tasks) handlers[task.name] = handlerFor(task, svc, clock);
  return handlers;
}

function handlerFor(task: TaskStateInfo, svc: TaskServices, clock: HandlerClock): LocalTaskHandler {
  const call = callFor(task, svc);
  return async (input) => {
    clock.enter();
    try {
      if (!task.waitForTaskToken) return (await call(input)) as JsonValue;
      const { token, result } = svc.broker.issue({ timeoutSeconds: task.timeoutSeconds, heartbeatSeconds: task.heartbeatSeconds });
      // The token may be answered (even failed) while the task's own invocation is still running:
      // observe the outcome now so an early SendTaskFailure is not an unhandled rejection.
      result.catch(() => undefined);
      await call(injectToken(input, token) as JsonValue);
      return (await result) as JsonValue;
    } finally {
      clock.exit();
    }
  };
}

async function invokeFunction(svc: TaskServices, nameOrArn: string, payload: unknown): Promise<unknown> {
  const id = functionIdFromArn(nameOrArn);
  if (!id || !svc.functions.has(id)) throw new LambdaFunctionError('Lambda.ResourceNotFoundException', `Function not found: ${nameOrArn}`);
  try {
    return await svc.functions.invoke(id, payload);
  } catch (err) {
    throw asFunctionError(err);
  }
}

function callFor(task: TaskStateInfo, svc: TaskServices): (input: JsonValue) => Promise<unknown> {
  const r = task.resource;
  const directId = functionIdFromArn(r);
  if (directId && r.startsWith('arn:')) {
    if (!svc.functions.has(directId)) throw new Error(`Task "${task.name}": no local function ${directId} (resource ${r})`);
    return (input) => invokeFunction(svc, r, input);
  }
  if (LAMBDA_INVOKE.test(r)) {
    return async (input) => {
      const p = (input ?? {}) as Record<string, unknown>;
      const payload = await invokeFunction(svc, String(p.FunctionName), p.Payload ?? {});
      // The shape Step Functions returns for the optimized Lambda integration.
      return { ExecutedVersion: '$LATEST', Payload: payload ?? null, SdkHttpMetadata: { HttpStatusCode: 200 }, SdkResponseMetadata: {}, StatusCode: 200 };
    };
  }
  const se = START_EXECUTION.exec(r);
  if (se) {
    return async (input) => {
      if (!svc.startExecution) throw new Error('nested executions are not wired');
      const p = (input ?? {}) as Record<string, unknown>;
      const out = await svc.startExecution(String(p.StateMachineArn), p.Input ?? {}, p.Name as string | undefined, se[1]?.startsWith('.sync') ?? false);
      // .sync:2 returns Output as JSON, .sync as a string (as on AWS).
      if (se[1] === '.sync:2' && typeof out.Output === 'string') return { ...out, Output: JSON.parse(out.Output) };
      return out;
    };
  }
  if (PUT_EVENTS.test(r)) {
    return async (input) => {
      if (!svc.putEvents) throw new Error('event bus is not wired');
      const p = (input ?? {}) as Record<string, unknown>;
      const entries = ((p.Entries ?? []) as Record<string, unknown>[]).map((e) => ({
        ...e,
        Detail: typeof e.Detail === 'string' ? e.Detail : JSON.stringify(e.Detail ?? {}),
      }));
      return svc.putEvents(entries);
    };
  }
  throw new Error(`Task "${task.name}": resource ${r} is not emulated locally (supported: Lambda ARNs, lambda:invoke, states:startExecution, events:putEvents)`);
}
