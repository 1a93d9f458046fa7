/**
 * Idempotency records in DynamoDB: one conditional PutItem claims the key (no read first); a failed
 * condition returns the existing record (ReturnValuesOnConditionCheckFailure), so a replay costs
 * one round trip too.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { BeginResult, IdempotencyStore, StoredResponse } from '../../app/ports/idempotency-store.js';

interface Item {
  id: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  fingerprint: string;
  lock_expires_at: number;
  response?: StoredResponse;
  expiration: number;
}

export class DynamoDbIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async begin(id: string, fingerprint: string, nowMs: number, lockMs: number): Promise<BeginResult> {
    const item: Item = { id, status: 'IN_PROGRESS', fingerprint, lock_expires_at: nowMs + lockMs, expiration: Math.floor(nowMs / 1000) + 86_400 };
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(id) OR (#s = :inprogress AND lock_expires_at < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':inprogress': 'IN_PROGRESS', ':now': nowMs },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return { state: 'started' };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException) || !err.Item) throw err;
      const old = unmarshall(err.Item) as Item;
      if (old.status === 'COMPLETED' && old.response) return { state: 'completed', fingerprint: old.fingerprint, response: old.response };
      return { state: 'in_flight', fingerprint: old.fingerprint, retryAfterSeconds: Math.max(1, Math.ceil((old.lock_expires_at - nowMs) / 1000)) };
    }
  }

  async complete(id: string, fingerprint: string, response: StoredResponse, nowMs: number, ttlSeconds: number): Promise<void> {
    const item: Item = { id, status: 'COMPLETED', fingerprint, lock_expires_at: 0, response, expiration: Math.floor(nowMs / 1000) + ttlSeconds };
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  async release(id: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { id }, ConditionExpression: '#s = :inprogress', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':inprogress': 'IN_PROGRESS' } })).catch((err: unknown) => {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    });
  }
}
