/**
 * DynamoDB stream consumers (Lambda event source mappings), declared once. CDK creates the event
 * source mapping with this filter; the local stream poller applies the same filter (Lambda filter
 * criteria use EventBridge pattern syntax, so our matcher evaluates it) and the same batch size.
 */
import type { FunctionId } from './functions.js';
import type { TableDef } from './tables.js';

export interface StreamConsumerDef {
  readonly id: string;
  readonly table: TableDef['id'];
  readonly functionId: FunctionId;
  /** Lambda event filter pattern, applied to each stream record. */
  readonly filter: Record<string, unknown>;
  readonly batchSize: number;
  readonly maxRetries: number;
}

export const STREAM_CONSUMERS: readonly StreamConsumerDef[] = [
  {
    id: 'outbox',
    table: 'Platform',
    functionId: 'OutboxPublisher',
    filter: { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } },
    batchSize: 100,
    maxRetries: 10,
  },
];
