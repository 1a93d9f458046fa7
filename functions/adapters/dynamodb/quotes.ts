/**
 * Locked FX quotes. A quote is consumed by one conditional UpdateItem: open and unexpired — or
 * already used by the same payment, so a retried payment (same derived id) passes again.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Quote, QuoteStore } from '../../app/ports/quote-store.js';

const key = (id: string) => ({ pk: `QT#${id}`, sk: 'QT' });
/** Quotes are kept a week after they expire (`ttl`), for support and reconciliation. */
const KEEP_SECONDS = 7 * 86_400;

export class DynamoDbQuoteStore implements QuoteStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(q: Quote): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { ...key(q.id), kind: 'quote', status: q.status, expires_at: q.expires_at, ttl: Math.floor(Date.parse(q.expires_at) / 1000) + KEEP_SECONDS, quote: q },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async get(merchantId: string, id: string): Promise<Quote | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    if (!r.Item) return undefined;
    const q = r.Item['quote'] as Quote;
    if (q.merchant_id !== merchantId) return undefined;
    return { ...q, status: r.Item['status'] as Quote['status'], ...(r.Item['payment_id'] ? { payment_id: r.Item['payment_id'] as string } : {}) };
  }

  async consume(id: string, paymentId: string, now: Date): Promise<'consumed' | 'expired' | 'used' | 'missing'> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: key(id),
        UpdateExpression: 'SET #s = :used, payment_id = :pid, used_at = if_not_exists(used_at, :now)',
        ConditionExpression: 'attribute_exists(pk) AND ((#s = :open AND expires_at > :now) OR payment_id = :pid)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':used': 'used', ':open': 'open', ':pid': paymentId, ':now': now.toISOString() },
      }));
      return 'consumed';
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
      if (!r.Item) return 'missing';
      return r.Item['status'] === 'used' ? 'used' : 'expired';
    }
  }
}
