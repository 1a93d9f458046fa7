/**
 * Merchant triggers in the platform table: `TRG#<merchant>` / `TRG#<id>` (one query lists a
 * merchant's rules), firings `TRGF#<trigger>` / `<event id>` written once (conditional put), and a
 * marker `TRGRES#<payment or batch id>` so events about what a trigger created are not fed back.
 */
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Trigger } from '../../core/triggers/index.js';
import type { TriggerFiring, TriggerStore } from '../../app/ports/trigger-store.js';

const trgKey = (merchantId: string, id: string) => ({ pk: `TRG#${merchantId}`, sk: `TRG#${id}` });
const firingKey = (triggerId: string, eventId: string) => ({ pk: `TRGF#${triggerId}`, sk: eventId });
const resultKey = (id: string) => ({ pk: `TRGRES#${id}`, sk: 'TRGRES' });

export class DynamoDbTriggerStore implements TriggerStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(t: Trigger) {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: { ...trgKey(t.merchant_id, t.id), kind: 'trigger', trigger: t }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return t;
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      return (await this.get(t.merchant_id, t.id)) ?? t;
    }
  }

  async get(merchantId: string, id: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: trgKey(merchantId, id), ConsistentRead: true }));
    return r.Item?.['trigger'] as Trigger | undefined;
  }

  async list(merchantId: string) {
    const out: Trigger[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ConsistentRead: true,
        ExpressionAttributeValues: { ':pk': `TRG#${merchantId}`, ':p': 'TRG#' }, ExclusiveStartKey: start,
      }));
      out.push(...(r.Items ?? []).map((i) => i['trigger'] as Trigger));
      start = r.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  }

  async update(t: Trigger) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...trgKey(t.merchant_id, t.id), kind: 'trigger', trigger: t } }));
    return t;
  }

  async getFiring(triggerId: string, eventId: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: firingKey(triggerId, eventId), ConsistentRead: true }));
    return r.Item?.['firing'] as TriggerFiring | undefined;
  }

  async recordFiring(f: TriggerFiring) {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: { ...firingKey(f.trigger_id, f.event_id), kind: 'trigger_firing', firing: f }, ConditionExpression: 'attribute_not_exists(pk)' }));
      if ('id' in f.result) await this.db.send(new PutCommand({ TableName: this.table, Item: { ...resultKey(f.result.id), kind: 'trigger_result', trigger_id: f.trigger_id } }));
      return f;
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      return (await this.getFiring(f.trigger_id, f.event_id)) ?? f;
    }
  }

  async isTriggerResult(objectId: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: resultKey(objectId) }));
    return r.Item !== undefined;
  }
}
