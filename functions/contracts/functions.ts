/**
 * Every function of the platform, declared once. CDK builds one NodejsFunction per entry (with the
 * grants listed in `access`); the local runtime loads the same `entry` module and calls its
 * exported `handler`. Routes, event consumers, schedules and ASL placeholders refer to these ids.
 */
import type { TableDef } from './tables.js';

export type FunctionKind = 'authorizer' | 'api' | 'webhook' | 'saga' | 'stream' | 'consumer' | 'schedule';
export type TableAccess = Partial<Record<TableDef['id'], 'read' | 'readwrite'>>;

export interface FunctionDef {
  readonly id: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly kind: FunctionKind;
  readonly description: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly access: {
    readonly tables: TableAccess;
    /** May use the KMS key (field encryption, card vault). */
    readonly kms?: boolean;
    /** May put events on the platform bus. */
    readonly bus?: boolean;
    /** State machine ids (see asl.ts) this function starts or answers task tokens of. */
    readonly stateMachines?: readonly string[];
    /** May create one-off schedules (EventBridge Scheduler). */
    readonly scheduler?: boolean;
    /** May call Bedrock (assistant). */
    readonly bedrock?: boolean;
  };
}

const all: TableAccess = { Ledger: 'readwrite', Idempotency: 'readwrite', Platform: 'readwrite', Audit: 'readwrite' };

export const FUNCTIONS = [
  { id: 'Authorizer', entry: 'functions/handlers/api/authorizer.ts', kind: 'authorizer', description: 'API key authorizer (hashed keys)', timeoutSeconds: 5, memoryMb: 256, access: { tables: { Platform: 'read' } } },
  { id: 'MetaApi', entry: 'functions/handlers/api/meta.ts', kind: 'api', description: 'GET /health, GET /v1/openapi.json', timeoutSeconds: 5, memoryMb: 256, access: { tables: {} } },
  { id: 'AdminApi', entry: 'functions/handlers/api/admin.ts', kind: 'api', description: 'Operator endpoints: merchants', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite', Audit: 'readwrite' } } },
  { id: 'PaymentsApi', entry: 'functions/handlers/api/payments.ts', kind: 'api', description: 'Payments: create (runs the saga), get, list, capture, cancel, audit, explain', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true, stateMachines: ['payment'] } },
  { id: 'RefundsApi', entry: 'functions/handlers/api/refunds.ts', kind: 'api', description: 'Refunds', timeoutSeconds: 29, memoryMb: 512, access: { tables: all, kms: true } },
  { id: 'PaymentMethodsApi', entry: 'functions/handlers/api/payment-methods.ts', kind: 'api', description: 'Card tokenization into the vault', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite', Idempotency: 'readwrite' }, kms: true } },
  { id: 'LedgerApi', entry: 'functions/handlers/api/ledger.ts', kind: 'api', description: 'Ledger balances', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Ledger: 'read', Platform: 'read' } } },
  { id: 'WebhookEndpointsApi', entry: 'functions/handlers/api/webhook-endpoints.ts', kind: 'api', description: 'Merchant webhook endpoints and delivery log', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true } },
  { id: 'SandboxApi', entry: 'functions/handlers/api/sandbox.ts', kind: 'api', description: 'Sandbox controls (404 in live mode)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'read' } } },
  { id: 'PaymentSteps', entry: 'functions/handlers/saga/payment-steps.ts', kind: 'saga', description: 'The payment saga steps and their compensations', timeoutSeconds: 30, memoryMb: 512, access: { tables: all, kms: true } },
  { id: 'OutboxPublisher', entry: 'functions/handlers/streams/outbox-publisher.ts', kind: 'stream', description: 'Publishes outbox records from the platform table stream to EventBridge', timeoutSeconds: 30, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, bus: true } },
  { id: 'WebhookDispatcher', entry: 'functions/handlers/agents/webhook-dispatcher.ts', kind: 'consumer', description: 'Signs and delivers merchant webhooks', timeoutSeconds: 30, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true } },
  { id: 'EventLog', entry: 'functions/handlers/agents/event-log.ts', kind: 'consumer', description: 'Keeps every event in the per-merchant event log (GET /v1/events)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' } } },
  { id: 'EventsApi', entry: 'functions/handlers/api/events.ts', kind: 'api', description: 'The merchant event log', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'read' } } },
  { id: 'WebhookRetry', entry: 'functions/handlers/schedules/webhook-retry.ts', kind: 'schedule', description: 'Retries due webhook deliveries with exponential backoff', timeoutSeconds: 60, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, kms: true } },
] as const satisfies readonly FunctionDef[];

export type FunctionId = (typeof FUNCTIONS)[number]['id'];

export function functionById(id: string): FunctionDef {
  const f = (FUNCTIONS as readonly FunctionDef[]).find((x) => x.id === id);
  if (!f) throw new Error(`unknown function id ${id}`);
  return f;
}
