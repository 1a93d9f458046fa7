/**
 * Where CLI commands find DynamoDB (shared by `agentpay audit verify` and any command that reads
 * tables):
 * 1. the environment, when the table's variable is set (`AUDIT_TABLE`, `LEDGER_TABLE`, … — the
 *    `envVar` of contracts/tables.ts), with `AWS_ENDPOINT_URL_DYNAMODB` for a non-AWS endpoint;
 * 2. otherwise `.data/runtime.json`, written by the running local runtime (`npm start`):
 *    `{ "dynamodbEndpoint": "http://127.0.0.1:…", "tables": { "audit": "…", "ledger": "…" } }`.
 */
import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLES, type TableDef } from '../../functions/contracts/tables.js';

/** Table keys as in runtime.json: the contract ids in lower case. */
export type TableKey = Lowercase<TableDef['id']>;

export const RUNTIME_FILE = '.data/runtime.json';

export interface DynamoTarget {
  readonly tableName: string;
  /** Unset = AWS's regional endpoint. */
  readonly endpoint?: string;
  readonly region: string;
  /** A local emulator (runtime file, or a loopback endpoint without AWS credentials): dummy credentials. */
  readonly local: boolean;
  readonly source: 'env' | 'runtime-file';
}

/** No table to talk to; the message says how to get one. */
export class AwsTargetError extends Error {
  override readonly name = 'AwsTargetError';
}

export interface ResolveOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reads the runtime file (injected by tests); default: the file system, relative to cwd. */
  readonly readFile?: (path: string) => Promise<string>;
  readonly runtimeFile?: string;
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;
/** DynamoDB Local accepts any credentials but the SDK insists on some. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export async function resolveDynamoTarget(table: TableKey, opts: ResolveOptions = {}): Promise<DynamoTarget> {
  const env = opts.env ?? process.env;
  const def = TABLES.find((t) => t.id.toLowerCase() === table);
  if (def === undefined) throw new AwsTargetError(`unknown table ${table}`);
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const fromEnv = env[def.envVar];
  if (fromEnv !== undefined && fromEnv !== '') {
    const endpoint = env.AWS_ENDPOINT_URL_DYNAMODB || undefined;
    const local = endpoint !== undefined && LOOPBACK.test(endpoint) && !env.AWS_ACCESS_KEY_ID;
    return { tableName: fromEnv, region, local, source: 'env', ...(endpoint !== undefined && { endpoint }) };
  }
  const path = opts.runtimeFile ?? RUNTIME_FILE;
  let text: string;
  try {
    text = await (opts.readFile ?? ((p: string) => readFile(p, 'utf8')))(path);
  } catch {
    throw new AwsTargetError(
      `no DynamoDB target: set ${def.envVar} (and AWS_ENDPOINT_URL_DYNAMODB for a local endpoint), or start the local runtime (npm start), which writes ${path}`,
    );
  }
  let runtime: { dynamodbEndpoint?: unknown; tables?: Record<string, unknown> };
  try {
    runtime = JSON.parse(text) as typeof runtime;
  } catch {
    throw new AwsTargetError(`${path} is not JSON`);
  }
  const tableName = runtime.tables?.[table];
  if (typeof runtime.dynamodbEndpoint !== 'string' || typeof tableName !== 'string') {
    throw new AwsTargetError(`${path} lacks "dynamodbEndpoint" or "tables.${table}"`);
  }
  return { tableName, endpoint: runtime.dynamodbEndpoint, region, local: true, source: 'runtime-file' };
}

/** A document client for `target`; the caller destroys it when done. */
export function documentClientFor(target: DynamoTarget): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: target.region,
    ...(target.endpoint !== undefined && { endpoint: target.endpoint }),
    ...(target.local && { credentials: LOCAL_CREDENTIALS }),
    // A CLI should fail fast when the local runtime is not running, not retry for seconds.
    maxAttempts: target.local ? 2 : 3,
  });
  return DynamoDBDocumentClient.from(client);
}
