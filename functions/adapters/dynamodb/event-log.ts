import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../contracts/events.js';
import type { EventLog } from '../../app/ports/event-log.js';
import { listingKeys, listNewestFirst } from './listing.js';

const key = (id: string) => ({ pk: `EVENT#${id}`, sk: 'EVENT' });
/** The merchant event log is kept 30 days, like Stripe's. */
const RETENTION_SECONDS = 30 * 86_400;

export class DynamoDbEventLog implements EventLog {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async record(detail: EventDetail): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { ...key(detail.id), kind: 'event', ...listingKeys('EVENTS', detail.merchant_id, detail.created, detail.id), detail, ttl: Math.floor(Date.parse(detail.created) / 1000) + RETENTION_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async get(merchantId: string, id: string): Promise<EventDetail | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id) }));
    const d = r.Item?.['detail'] as EventDetail | undefined;
    return d && d.merchant_id === merchantId ? d : undefined;
  }

  async list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined }): Promise<{ data: EventDetail[]; hasMore: boolean }> {
    let after: string | undefined;
    if (opts.startingAfter) {
      const cursor = await this.get(merchantId, opts.startingAfter);
      if (!cursor) return { data: [], hasMore: false };
      after = `${cursor.created}#${cursor.id}`;
    }
    const r = await listNewestFirst<{ detail: EventDetail }>(this.db, this.table, 'EVENTS', merchantId, { limit: opts.limit, startingAfterSortKey: after });
    return { data: r.items.map((i) => i.detail), hasMore: r.hasMore };
  }
}
