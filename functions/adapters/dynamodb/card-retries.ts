/**
 * Card reattempt histories in the platform table (`pk = CARDRETRY#<fingerprint>`, `sk = CARDRETRY`),
 * read-modify-write conditional on `version` with a bounded retry: two cascades declining the same
 * card at once both count. Expires 31 days after the last decline (the widest network window).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EMPTY_HISTORY, recordAttempt, type CardRetryHistory } from '../../core/exceptions/index.js';
import type { CardRetryCounter } from '../../app/ports/card-retries.js';

const key = (fp: string) => ({ pk: `CARDRETRY#${fp}`, sk: 'CARDRETRY' });
const TTL_S = 31 * 86_400;

export class DynamoDbCardRetryCounter implements CardRetryCounter {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  private async read(fp: string): Promise<{ h: CardRetryHistory; version: number }> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(fp), ConsistentRead: true }));
    return r.Item ? { h: { attempts: r.Item['attempts'] as number[] }, version: r.Item['version'] as number } : { h: EMPTY_HISTORY, version: 0 };
  }

  async history(fp: string): Promise<CardRetryHistory> {
    return (await this.read(fp)).h;
  }

  async record(fp: string, at: number): Promise<void> {
    for (let i = 0; ; i++) {
      const cur = await this.read(fp);
      const next = recordAttempt(cur.h, at);
      try {
        await this.db.send(new PutCommand({
          TableName: this.table,
          Item: { ...key(fp), kind: 'card_retries', attempts: [...next.attempts], version: cur.version + 1, ttl: Math.floor(at / 1000) + TTL_S },
          ...(cur.version === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': cur.version } }),
        }));
        return;
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException) || i >= 7) throw err;
      }
    }
  }
}
