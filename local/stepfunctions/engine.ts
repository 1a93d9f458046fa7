/**
 * Local Step Functions: runs the contract's state machines (STATE_MACHINES) through
 * aws-local-stepfunctions 3.0.0 on the very same ASL files, with executions, task tokens and the
 * interpreter's overhead measured per execution. The `local/aws` endpoint exposes it to the SDK.
 */
import '../polyfills.js';
import { randomUUID } from 'node:crypto';
import { ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineDef } from '../../functions/contracts/asl.js';
import { AwsApiError } from '../aws/api-error.js';
import { LOCAL_ACCOUNT, LOCAL_REGION, stateMachineArn } from '../lambda/arns.js';
import type { FunctionHost } from '../lambda/function-host.js';
import { prepareDefinition, substitutedAsl } from './definition.js';
import { ExecutionClock, OverheadRecorder } from './overhead.js';
import { buildTaskHandlers, type LocalTaskHandler, type TaskServices } from './task-handlers.js';
import { TokenBroker } from './token-broker.js';

export type LocalStateMachineDef = StateMachineDef & {
  /** ASL text to use instead of reading `file` (tests). */
  readonly asl?: string;
};

export interface LocalStepFunctionsOptions {
  readonly machines: readonly LocalStateMachineDef[];
  readonly rootDir: string;
  readonly functions: FunctionHost;
  readonly putEvents?: TaskServices['putEvents'];
  /** Multiplies every Retry IntervalSeconds (as a constant interval); unset = real intervals. */
  readonly retryIntervalScale?: number;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  readonly done: Promise<void>;
}

interface Machine {
  readonly def: LocalStateMachineDef;
  readonly arn: string;
  readonly sm: StateMachine;
  readonly tasks: ReturnType<typeof prepareDefinition>['tasks'];
  readonly retryIntervalOverrides: Record<string, number[]> | undefined;
}

type JsonValue = Parameters<StateMachine['run']>[0];

const KEEP_EXECUTIONS = 20_000;

export class LocalStepFunctions {
  readonly broker = new TokenBroker();
  readonly overhead = new OverheadRecorder();
  readonly #machines = new Map<string, Machine>();
  readonly #executions = new Map<string, ExecutionRecord>();
  readonly #running = new Map<string, () => void>();
  readonly #services: TaskServices;

  constructor(opts: LocalStepFunctionsOptions) {
    this.#services = {
      functions: opts.functions,
      broker: this.broker,
      putEvents: opts.putEvents,
      startExecution: (arn, input, name, wait) => this.#nested(arn, input, name, wait),
    };
    for (const def of opts.machines) {
      const { definition, tasks } = prepareDefinition(substitutedAsl(def, opts.rootDir, def.asl));
      // Validates here, once: a definition the interpreter cannot run fails start-up, not a payment.
      buildTaskHandlers(tasks, this.#services, { enter() {}, exit() {} });
      const sm = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
      const scale = opts.retryIntervalScale;
      const retryIntervalOverrides = scale === undefined
        ? undefined
        : Object.fromEntries(tasks.filter((t) => t.retryIntervals.length).map((t) => [t.name, t.retryIntervals.map((s) => s * 1000 * scale)]));
      const arn = stateMachineArn(def.id);
      this.#machines.set(arn, { def, arn, sm, tasks, retryIntervalOverrides });
    }
  }

  get stateMachineArns(): Record<string, string> {
    return Object.fromEntries([...this.#machines.values()].map((m) => [m.def.id, m.arn]));
  }

  /** StartSyncExecution: runs to completion (EXPRESS machines only, as on AWS). */
  async startSyncExecution(req: { stateMachineArn: string; input?: string; name?: string }): Promise<ExecutionRecord> {
    const m = this.#machine(req.stateMachineArn);
    if (m.def.type !== 'EXPRESS') throw new AwsApiError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
    const rec = this.#launch(m, req.input, req.name);
    await rec.done;
    return rec;
  }

  /** StartExecution: returns at once. STANDARD names are unique: the same name and input return
   *  the existing execution, a different input is ExecutionAlreadyExists (EXPRESS never dedupes). */
  startExecution(req: { stateMachineArn: string; input?: string; name?: string }): ExecutionRecord {
    const m = this.#machine(req.stateMachineArn);
    if (m.def.type === 'STANDARD' && req.name !== undefined) {
      const existing = this.#executions.get(this.#executionArn(m, req.name));
      if (existing) {
        if (existing.input === (req.input ?? '{}')) return existing;
        throw new AwsApiError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
      }
    }
    return this.#launch(m, req.input, req.name);
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const rec = this.#executions.get(executionArn);
    if (!rec) throw new AwsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return rec;
  }

  sendTaskSuccess(token: string, output: string): void {
    let parsed: unknown;
    try { parsed = JSON.parse(output); } catch { throw new AwsApiError('InvalidOutput', 'Invalid output: not JSON'); }
    this.broker.succeed(token, parsed);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.broker.fail(token, error, cause);
  }

  sendTaskHeartbeat(token: string): void {
    this.broker.heartbeat(token);
  }

  get runningCount(): number {
    return this.#running.size;
  }

  /** Resolves once no execution is running. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#executions.values()].filter((e) => e.status === 'RUNNING').map((e) => e.done));
  }

  /** Aborts running executions and abandons open task tokens. */
  stop(): void {
    for (const abort of this.#running.values()) abort();
    this.broker.closeAll();
  }

  #machine(arn: string): Machine {
    if (!/^arn:aws[\w-]*:states:/.test(arn)) throw new AwsApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    const m = this.#machines.get(arn);
    if (!m) throw new AwsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return m;
  }

  #executionArn(m: Machine, name: string): string {
    return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${m.def.id}:${name}`;
  }

  #launch(m: Machine, inputText: string | undefined, requestedName: string | undefined): ExecutionRecord {
    const input = inputText ?? '{}';
    let parsed: JsonValue;
    try { parsed = JSON.parse(input) as JsonValue; } catch { throw new AwsApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON'); }
    if (requestedName !== undefined && !/^[A-Za-z0-9_-]{1,80}$/.test(requestedName)) throw new AwsApiError('InvalidName', `Invalid Name: '${requestedName}'`);
    const name = requestedName ?? randomUUID();
    const executionArn = m.def.type === 'EXPRESS'
      ? `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:express:${m.def.id}:${name}:${randomUUID()}`
      : this.#executionArn(m, name);
    const startDate = new Date();
    const clock = new ExecutionClock();
    const handlers: Record<string, LocalTaskHandler> = buildTaskHandlers(m.tasks, this.#services, clock);
    const run = m.sm.run(parsed, {
      overrides: { taskResourceLocalHandlers: handlers as never, ...(m.retryIntervalOverrides && { retryIntervalOverrides: m.retryIntervalOverrides }) },
      context: {
        Execution: { Id: executionArn, Name: name, RoleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local`, StartTime: startDate.toISOString() },
        StateMachine: { Id: m.arn, Name: m.def.id },
      },
    });
    const rec: ExecutionRecord = {
      executionArn, stateMachineArn: m.arn, name, input, startDate, status: 'RUNNING',
      done: run.result.then(
        (output) => { rec.status = 'SUCCEEDED'; rec.output = JSON.stringify(output ?? null); },
        (err: unknown) => { Object.assign(rec, failureOf(err)); },
      ).finally(() => {
        rec.stopDate = new Date();
        this.#running.delete(executionArn);
        this.overhead.record(clock.finish());
      }),
    };
    this.#running.set(executionArn, run.abort);
    this.#executions.set(executionArn, rec);
    if (this.#executions.size > KEEP_EXECUTIONS) {
      for (const [arn, e] of this.#executions) {
        if (this.#executions.size <= KEEP_EXECUTIONS / 2) break;
        if (e.status !== 'RUNNING') this.#executions.delete(arn);
      }
    }
    return rec;
  }

  async #nested(arn: string, input: unknown, name: string | undefined, wait: boolean): Promise<Record<string, unknown>> {
    const rec = this.startExecution({ stateMachineArn: arn, input: JSON.stringify(input), ...(name !== undefined && { name }) });
    if (!wait) return { ExecutionArn: rec.executionArn, StartDate: rec.startDate.toISOString() };
    await rec.done;
    const described = toDescribeShape(rec);
    if (rec.status !== 'SUCCEEDED') {
      const err = new Error(JSON.stringify(described));
      err.name = rec.status === 'TIMED_OUT' ? 'States.Timeout' : 'States.TaskFailed';
      throw err;
    }
    return described;
  }
}

function failureOf(err: unknown): Pick<ExecutionRecord, 'status' | 'error' | 'cause'> {
  if (err instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' };
  if (err instanceof ExecutionError) {
    const inner = err.cause as Error | undefined;
    return { status: 'FAILED', error: inner?.name ?? 'States.Runtime', cause: inner?.message ?? err.message };
  }
  if (err instanceof Error && err.name === 'ExecutionAbortedError') return { status: 'ABORTED' };
  return { status: 'FAILED', error: 'States.Runtime', cause: err instanceof Error ? err.message : String(err) };
}

/** DescribeExecution-like view (PascalCase, as the `.sync` integrations return it). */
function toDescribeShape(rec: ExecutionRecord): Record<string, unknown> {
  return {
    ExecutionArn: rec.executionArn,
    StateMachineArn: rec.stateMachineArn,
    Name: rec.name,
    Status: rec.status,
    StartDate: rec.startDate.toISOString(),
    ...(rec.stopDate && { StopDate: rec.stopDate.toISOString() }),
    Input: rec.input,
    ...(rec.output !== undefined && { Output: rec.output }),
    ...(rec.error !== undefined && { Error: rec.error }),
    ...(rec.cause !== undefined && { Cause: rec.cause }),
  };
}
