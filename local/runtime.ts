/**
 * The embedded local runtime: DynamoDB Local, the AWS control-plane endpoint (Step Functions,
 * EventBridge, Scheduler), the same handler modules, state machines, event rules, stream
 * consumers, schedules and tables as on AWS, and the HTTP API on 127.0.0.1:<port>.
 * One runtime per process: it writes the handlers' configuration into process.env.
 */
import './polyfills.js';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STATE_MACHINES } from '../functions/contracts/asl.js';
import { CONSUMERS } from '../functions/contracts/events.js';
import { FUNCTIONS, type FunctionDef } from '../functions/contracts/functions.js';
import { ROUTES } from '../functions/contracts/routes.js';
import { SCHEDULES } from '../functions/contracts/schedules.js';
import { STREAM_CONSUMERS } from '../functions/contracts/streams.js';
import { eventsApi, installSyncHostPrefixResolver, schedulerApi, startAwsEndpoint, stepFunctionsApi } from './aws/index.js';
import { lambdaApi } from './aws/lambda-api.js';
import { DeadLetterLog, LocalEventBus } from './bus/index.js';
import { createTables, findJava, LOCAL_CREDENTIALS, startDynamoLocal, type DynamoLocal } from './dynamodb/index.js';
import { applyEnv, ensureKeyFile, localEnv, localTableNames, LOCAL_EVENT_BUS } from './env.js';
import { functionIdFromArn, LOCAL_REGION, stateMachineIdFromArn } from './lambda/arns.js';
import { loadFunctions, type FunctionHost } from './lambda/function-host.js';
import { startLocalHttp } from './http/index.js';
import { freePort } from './net/free-port.js';
import { discoverSandboxes } from './sandbox/discover.js';
import { registeredSandboxes, type StartedSandbox } from './sandbox/registry.js';
import { LocalScheduler, type ScheduleRecord } from './scheduler.js';
import { LocalStepFunctions } from './stepfunctions/index.js';
import { StreamPoller } from './streams/index.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface RuntimeOptions {
  /** HTTP port; 0 = any free port. Default 3000. */
  readonly port?: number;
  /** Keys, checkpoints, dead letters, schedules and (unless inMemory) the database. Default `.data`. */
  readonly dataDir?: string;
  readonly inMemory?: boolean;
  /** Operator key; generated when absent (the runtime returns it). */
  readonly adminKey?: string;
  readonly quiet?: boolean;
  /** Use this DynamoDB Local instead of starting one (tests share one per run). */
  readonly dynamoEndpoint?: string;
  /** Prefix for table names (tests sharing one DynamoDB Local). */
  readonly tablePrefix?: string;
  /** Retry delays of the bus (base) and the stream poller; defaults 1 s and 100 ms. */
  readonly busRetryBaseMs?: number;
  readonly streamRetryBaseMs?: number;
  /** Multiply ASL Retry intervals by this factor; unset = real intervals. */
  readonly retryIntervalScale?: number;
  /** Don't start the contract's recurring schedules (tests). */
  readonly noSchedules?: boolean;
  /** Extra functions/routes (tests' fake modules), on top of the contract's. */
  readonly extraFunctions?: readonly FunctionDef[];
  readonly extraRoutes?: readonly { method: string; path: string; functionId: string; auth: string }[];
}

export interface Runtime {
  readonly url: string;
  readonly port: number;
  readonly adminKey: string;
  readonly dataDir: string;
  readonly dynamoEndpoint: string;
  readonly awsEndpoint: string;
  /** The variables written into process.env for the handlers. */
  readonly env: Readonly<Record<string, string>>;
  readonly tableNames: Readonly<Record<string, string>>;
  readonly functions: FunctionHost;
  readonly bus: LocalEventBus;
  readonly sfn: LocalStepFunctions;
  readonly streams: StreamPoller;
  readonly scheduler: LocalScheduler;
  readonly deadLetters: DeadLetterLog;
  /** Milliseconds from the call to ready. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

export async function startRuntime(opts: RuntimeOptions = {}): Promise<Runtime> {
  const started = performance.now();
  // Fail first and clearly when DynamoDB Local cannot run at all (JavaMissingError).
  if (!opts.dynamoEndpoint) findJava();
  const log = opts.quiet ? (): void => {} : (line: string): void => { process.stderr.write(`[local] ${line}\n`); };
  const dataDir = resolve(opts.dataDir ?? '.data');
  const inMemory = opts.inMemory ?? false;
  mkdirSync(dataDir, { recursive: true });
  const adminKey = opts.adminKey ?? `agentpay_admin_${randomBytes(24).toString('hex')}`;
  const keyFile = join(dataDir, 'local.key');
  ensureKeyFile(keyFile);
  installSyncHostPrefixResolver();

  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async (): Promise<void> => {
    for (const s of stops.reverse()) {
      try { await s(); } catch (err) { log(`stop: ${(err as Error).message}`); }
    }
    stops.length = 0;
  };

  try {
    // Late-bound: the endpoint URL must be in the environment before handlers load, the services
    // behind it need the loaded handlers.
    let sfn: LocalStepFunctions | undefined;
    let bus: LocalEventBus | undefined;
    let scheduler: LocalScheduler | undefined;
    let functionsHost: FunctionHost | undefined;
    const notReady = (): never => { throw new Error('local runtime is starting'); };
    const aws = await startAwsEndpoint({
      stepFunctions: (op, b) => (sfn ? stepFunctionsApi(sfn)(op, b) : notReady()),
      events: (op, b) => (bus ? eventsApi(bus)(op, b) : notReady()),
      scheduler: (m, n, q, b) => (scheduler ? schedulerApi(scheduler)(m, n, q, b) : notReady()),
      lambda: (name, payload) => (functionsHost ? lambdaApi((id, e) => functionsHost!.invoke(id, e))(name, payload) : notReady()),
    });
    stops.push(() => aws.stop());

    // DynamoDB Local boots (3–4 s of JVM) while sandboxes start and handler modules load.
    const ddbPort = opts.dynamoEndpoint ? undefined : await freePort();
    const dynamoEndpoint = opts.dynamoEndpoint ?? `http://127.0.0.1:${ddbPort}`;
    const ddbStarting: Promise<DynamoLocal | undefined> = opts.dynamoEndpoint
      ? Promise.resolve(undefined)
      : startDynamoLocal({ inMemory, dbPath: join(dataDir, 'dynamodb'), port: ddbPort });
    ddbStarting.catch(() => {}); // observed below
    stops.push(async () => { const d = await ddbStarting.catch(() => undefined); await d?.stop(); });

    const tableNames = localTableNames(opts.tablePrefix);
    const env = localEnv({ dynamoEndpoint, awsEndpoint: aws.url, tableNames, adminKey, keyFile });
    await discoverSandboxes();
    const sandboxEnv: Record<string, string> = {};
    const startedSandboxes: StartedSandbox[] = [];
    for (const sb of registeredSandboxes()) {
      const s: StartedSandbox = await sb.start({ dataDir, inMemory, log });
      startedSandboxes.push(s);
      stops.push(() => s.stop());
      Object.assign(sandboxEnv, s.env);
    }
    Object.assign(env, sandboxEnv);
    applyEnv(env);

    const defs = [...(FUNCTIONS as readonly FunctionDef[]), ...(opts.extraFunctions ?? [])];
    const functions = await loadFunctions(defs, {
      rootDir: REPO_ROOT,
      // Per-function name at module load (Powertools reads it at construction).
      beforeImport: (def) => { process.env.AWS_LAMBDA_FUNCTION_NAME = def.id; },
      onLoadError: (def, message) => process.stderr.write(`[local] WARNING function ${def.id} failed to load; it will fail every call: ${message}\n`),
    });
    functionsHost = functions;
    process.env.AWS_LAMBDA_FUNCTION_NAME = env.AWS_LAMBDA_FUNCTION_NAME!;

    await ddbStarting;
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    await createTables(client, tableNames);
    client.destroy();

    const deadLetters = new DeadLetterLog(join(dataDir, 'dead-letters.jsonl'), log);
    bus = new LocalEventBus({
      consumers: CONSUMERS, deadLetters, retryBaseMs: opts.busRetryBaseMs,
      invoke: (id, event) => functions.invoke(id, event),
    });
    stops.push(() => bus?.stop());
    const theBus = bus;
    sfn = new LocalStepFunctions({
      machines: STATE_MACHINES, rootDir: REPO_ROOT, functions, retryIntervalScale: opts.retryIntervalScale,
      putEvents: async (entries) => theBus.putEvents(entries),
    });
    const theSfn = sfn;
    stops.push(() => theSfn.stop());

    scheduler = new LocalScheduler({
      schedules: opts.noSchedules ? [] : SCHEDULES,
      file: inMemory ? undefined : join(dataDir, 'schedules.json'),
      log,
      invokeFunction: (id, input) => functions.invoke(id, input),
      fireTarget: (t) => fireScheduleTarget(t, functions, theSfn, theBus),
    });
    scheduler.start();
    const theScheduler = scheduler;
    stops.push(() => theScheduler.stop());

    const streams = new StreamPoller({
      endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS,
      consumers: STREAM_CONSUMERS.map((def) => ({ def, tableName: tableNames[def.table] })),
      invoke: (id, event) => functions.invoke(id, event),
      deadLetters,
      checkpointFile: inMemory ? undefined : join(dataDir, 'stream-checkpoints.json'),
      retryBaseMs: opts.streamRetryBaseMs,
      log,
    });
    await streams.start();
    stops.push(() => streams.stop());

    const http = await startLocalHttp({
      routes: [...ROUTES, ...(opts.extraRoutes ?? [])], functions, port: opts.port ?? 3000, log,
    });
    stops.push(() => http.stop());
    for (const s of startedSandboxes) await s.ready?.({ url: http.url });

    return {
      url: http.url, port: http.port, adminKey, dataDir, dynamoEndpoint, awsEndpoint: aws.url, env, tableNames,
      functions, bus, sfn, streams, scheduler, deadLetters,
      startupMs: Math.round(performance.now() - started),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** What a Scheduler target ARN means locally: a function, a state machine or the bus. */
async function fireScheduleTarget(t: ScheduleRecord['Target'], functions: FunctionHost, sfn: LocalStepFunctions, bus: LocalEventBus): Promise<unknown> {
  const input = t.Input ?? '{}';
  const fn = t.Arn.startsWith('arn:') ? functionIdFromArn(t.Arn) : undefined;
  if (fn) return functions.invoke(fn, JSON.parse(input));
  if (stateMachineIdFromArn(t.Arn)) return sfn.startExecution({ stateMachineArn: t.Arn, input });
  if (/^arn:aws[\w-]*:events:[^:]*:[^:]*:event-bus\//.test(t.Arn)) {
    const p = (t.EventBridgeParameters ?? {}) as { DetailType?: string; Source?: string };
    return bus.putEvents([{ Source: p.Source, DetailType: p.DetailType, Detail: input, EventBusName: LOCAL_EVENT_BUS }]);
  }
  throw new Error(`schedule target ${t.Arn} is not emulated locally`);
}
