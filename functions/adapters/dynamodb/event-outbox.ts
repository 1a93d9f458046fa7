/**
 * Standalone outbox writes: one conditional PutItem per event (not a transaction, because an
 * event already written must not make the others fail: the ids are derived from the facts, so
 * "already there" means "already announced").
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../contracts/events.js';
import type { EventOutbox } from '../../app/ports/event-outbox.js';
import { outboxRecord } from './outbox.js';

export class DynamoDbEventOutbox implements EventOutbox {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async emit(events: readonly EventDetail[]): Promise<void> {
    for (const e of events) {
      try {
        await this.db.send(new PutCommand({ TableName: this.table, Item: outboxRecord(e), ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      }
    }
  }
}
