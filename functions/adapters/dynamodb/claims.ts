import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One-time claims (`CLAIM#<scope>#<id>`): the first caller wins, a redelivery loses. Claims expire
 * after `ttlDays`, longer than any PSP's redelivery window (Stripe retries for 3 days).
 */
export function claimer(db: DynamoDBDocumentClient, table: string, scope: string, ttlDays = 30) {
  return async (id: string): Promise<boolean> => {
    try {
      await db.send(new PutCommand({
        TableName: table,
        Item: { pk: `CLAIM#${scope}#${id}`, sk: 'CLAIM', kind: 'claim', ttl: Math.floor(Date.now() / 1000) + ttlDays * 86_400 },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  };
}
