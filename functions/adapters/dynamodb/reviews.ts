/**
 * Reviews (human approvals) in the platform table, listed per merchant on gsi2 with their status
 * as a filter. Decisions are version-conditional writes; the approval workflow's task token is
 * stored on the item by the workflow's waiting Task.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '../../app/ports/payment-store.js';
import type { ReviewStore, StoredReview } from '../../app/ports/review-store.js';
import type { Review } from '../../core/reviews.js';
import { listingKeys, listNewestFirst } from './listing.js';

const key = (id: string) => ({ pk: `REV#${id}`, sk: 'REV' });

const isConditionFailure = (err: unknown): boolean => (err as { name?: string }).name === 'ConditionalCheckFailedException';

export class DynamoDbReviewStore implements ReviewStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  private item(r: Review) {
    return { ...key(r.id), kind: 'review', status: r.status, version: r.version, ...listingKeys('REVIEWS', r.merchant_id, r.created, r.id), review: r };
  }

  private static fromItem(item: Record<string, unknown> | undefined): StoredReview | undefined {
    if (!item) return undefined;
    const token = item['task_token'] as string | undefined;
    return { ...(item['review'] as Review), ...(token ? { task_token: token } : {}) };
  }

  async create(r: Review): Promise<StoredReview> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: this.item(r), ConditionExpression: 'attribute_not_exists(pk)' }));
      return r;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return (await this.getById(r.id))!;
    }
  }

  async getById(id: string): Promise<StoredReview | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    return DynamoDbReviewStore.fromItem(r.Item);
  }

  async get(merchantId: string, id: string): Promise<StoredReview | undefined> {
    const r = await this.getById(id);
    return r && r.merchant_id === merchantId ? r : undefined;
  }

  async list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined; status?: string | undefined }) {
    let after: string | undefined;
    if (opts.startingAfter) {
      const cursor = await this.get(merchantId, opts.startingAfter);
      if (!cursor) return { data: [], hasMore: false };
      after = `${cursor.created}#${cursor.id}`;
    }
    const r = await listNewestFirst<Record<string, unknown>>(this.db, this.table, 'REVIEWS', merchantId, { limit: opts.limit, startingAfterSortKey: after, filter: { status: opts.status } });
    return { data: r.items.map((i) => DynamoDbReviewStore.fromItem(i)!), hasMore: r.hasMore };
  }

  async update(next: Review): Promise<StoredReview> {
    try {
      const r = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: key(next.id),
        UpdateExpression: 'SET review = :r, #s = :s, #v = :v',
        ConditionExpression: '#v = :prev',
        ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
        ExpressionAttributeValues: { ':r': next, ':s': next.status, ':v': next.version, ':prev': next.version - 1 },
        ReturnValues: 'ALL_NEW',
      }));
      return DynamoDbReviewStore.fromItem(r.Attributes)!;
    } catch (err) {
      if (isConditionFailure(err)) throw new ConcurrentUpdateError(next.id);
      throw err;
    }
  }

  async setTaskToken(id: string, token: string): Promise<StoredReview> {
    const r = await this.db.send(new UpdateCommand({
      TableName: this.table, Key: key(id), UpdateExpression: 'SET task_token = :t', ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':t': token }, ReturnValues: 'ALL_NEW',
    }));
    return DynamoDbReviewStore.fromItem(r.Attributes)!;
  }
}
