/**
 * The environment the handlers read (functions/config.ts) in local mode: table names, endpoint
 * URLs of the local stand-ins, dummy credentials, the admin key's hash, the local key file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { STATE_MACHINES, STATE_MACHINE_ARN_ENV } from '../functions/contracts/asl.js';
import { EVENT_BUS_ENV } from '../functions/contracts/events.js';
import { CONNECTORS } from '../functions/contracts/functions.js';
import { localTableName, TABLES, type TableDef } from '../functions/contracts/tables.js';
import { LOCAL_REGION, stateMachineArn } from './lambda/arns.js';

export const LOCAL_EVENT_BUS = 'agentpay-local';

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Table names: the contract's stable local names, optionally prefixed (tests sharing one DB). */
export function localTableNames(prefix = ''): Record<TableDef['id'], string> {
  return Object.fromEntries(TABLES.map((t) => [t.id, `${prefix}${localTableName(t)}`])) as Record<TableDef['id'], string>;
}

/** Creates `file` with 32 random bytes (hex) unless it exists; the vault/PII key in local mode. */
export function ensureKeyFile(file: string): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
}

export interface LocalEnvInput {
  readonly dynamoEndpoint: string;
  readonly awsEndpoint: string;
  readonly tableNames: Record<TableDef['id'], string>;
  readonly adminKey: string;
  readonly keyFile: string;
}

export function localEnv(i: LocalEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    AGENTPAY_MODE: 'local',
    AGENTPAY_ENVIRONMENT: 'test',
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: i.dynamoEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: i.dynamoEndpoint,
    AWS_ENDPOINT_URL_SFN: i.awsEndpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: i.awsEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: i.awsEndpoint,
    AWS_ENDPOINT_URL_LAMBDA: i.awsEndpoint,
    [EVENT_BUS_ENV]: LOCAL_EVENT_BUS,
    ADMIN_KEY_SHA256: sha256Hex(i.adminKey),
    LOCAL_KEY_FILE: i.keyFile,
    AWS_LAMBDA_FUNCTION_NAME: 'agentpay-local',
  };
  for (const t of TABLES) env[t.envVar] = i.tableNames[t.id];
  for (const sm of STATE_MACHINES) env[STATE_MACHINE_ARN_ENV(sm.id)] = stateMachineArn(sm.id);
  // Card connectors are functions of their own, invoked through the local Lambda endpoint.
  for (const c of CONNECTORS) env[c.envVar] = c.functionId;
  return env;
}

/** Writes `env` into process.env; drops ambient AWS settings that would mix with the dummy ones. */
export function applyEnv(env: Record<string, string>): void {
  for (const k of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL']) delete process.env[k];
  Object.assign(process.env, env);
}
