/**
 * The transactional outbox: an event is a platform-table item written in the same
 * TransactWriteItems as the state change it announces. The table's stream feeds the
 * OutboxPublisher (contracts/streams.ts), which puts it on EventBridge.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../contracts/events.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Outbox records expire a week after they were published (the stream keeps them 24 h). */
const OUTBOX_TTL_SECONDS = 7 * 86_400;

export interface OutboxRecord {
  pk: string;
  sk: 'OUTBOX';
  kind: 'outbox';
  type: string;
  detail: string;
  ttl: number;
}

export function outboxRecord(detail: EventDetail): OutboxRecord {
  return {
    pk: `OUTBOX#${detail.id}`,
    sk: 'OUTBOX',
    kind: 'outbox',
    type: detail.type,
    detail: JSON.stringify(detail),
    ttl: Math.floor(Date.parse(detail.created) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

/** The outbox put for a transaction; a duplicate event id is dropped by the condition. */
export function outboxPut(tableName: string, detail: EventDetail): TransactItem {
  return { Put: { TableName: tableName, Item: outboxRecord(detail), ConditionExpression: 'attribute_not_exists(pk)' } };
}
