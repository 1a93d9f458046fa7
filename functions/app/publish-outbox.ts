import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { EventDetail } from '../contracts/events.js';
import type { EventPublisher } from './ports/event-publisher.js';

/** Turns stream records of outbox items into published events; reports the records that failed. */
export async function publishOutbox(records: readonly DynamoDBRecord[], publisher: EventPublisher): Promise<DynamoDBBatchResponse> {
  const byEventId = new Map<string, string>();
  const details: EventDetail[] = [];
  for (const r of records) {
    const image = r.dynamodb?.NewImage;
    if (r.eventName !== 'INSERT' || !image) continue;
    const item = unmarshall(image as Record<string, AttributeValue>) as { kind?: string; detail?: string };
    if (item.kind !== 'outbox' || !item.detail) continue;
    const detail = JSON.parse(item.detail) as EventDetail;
    details.push(detail);
    byEventId.set(detail.id, r.dynamodb?.SequenceNumber ?? '');
  }
  const failed = details.length ? await publisher.publish(details) : [];
  return { batchItemFailures: failed.map((id) => ({ itemIdentifier: byEventId.get(id) ?? '' })) };
}
