/**
 * {@link PayoutStore} on the platform table:
 * - batch `pk = POB#<id>`, `sk = BATCH`; while not completed also `gsi1pk = POB_ACTIVE` (the
 *   sweep's work list, removed when the batch completes);
 * - items `pk = POB#<batch>`, `sk = ITEM#<seq:5>` (one partition per batch: paging is a Query).
 * Item moves are conditional UpdateItems; progress counters are atomic ADDs on the batch row
 * (never in a transaction with item writes: the batch row is hot, and contended transactions fail).
 */
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../contracts/events.js';
import { parsePayoutItemId, type PayoutBatch, type PayoutBatchStatus } from '../../core/payouts/index.js';
import type { ClaimResult, PayoutStore, Settlement, StoredPayoutItem } from '../../app/ports/payout-store.js';
import { outboxPut, outboxRecord } from './outbox.js';
import { fromBatchRow, fromItemRow, itemSk, toBatchRow, toItemRow, ACTIVE, type Row } from './payout-rows.js';

const isConditionFailed = (e: unknown): boolean => (e as { name?: string }).name === 'ConditionalCheckFailedException';
const statusIn = (from: readonly string[], values: Record<string, unknown>): string => {
  from.forEach((s, i) => { values[`:f${i}`] = s; });
  return `#s IN (${from.map((_, i) => `:f${i}`).join(', ')})`;
};

export class DynamoDbPayoutStore implements PayoutStore {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly table: string) {}

  #batchKey = (id: string) => ({ pk: `POB#${id}`, sk: 'BATCH' });

  async createBatch(batch: PayoutBatch, items: readonly StoredPayoutItem[]): Promise<'created' | 'exists'> {
    const rows = items.map((i) => toItemRow(i));
    const chunks: Row[][] = [];
    for (let i = 0; i < rows.length; i += 25) chunks.push(rows.slice(i, i + 25));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        let pending: Row[] = chunks[next++]!;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 8) throw new Error('payout items could not be written (unprocessed items)');
          const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending.map((Item) => ({ PutRequest: { Item } })) } }));
          pending = (out.UnprocessedItems?.[this.table] ?? []).map((r) => r.PutRequest?.Item as Row);
          if (pending.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: toBatchRow(batch), ConditionExpression: 'attribute_not_exists(pk)' }));
      return 'created';
    } catch (e) {
      if (isConditionFailed(e)) return 'exists';
      throw e;
    }
  }

  async getBatch(batchId: string, merchantId?: string): Promise<PayoutBatch | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: this.#batchKey(batchId), ConsistentRead: true }));
    const b = out.Item ? fromBatchRow(out.Item) : undefined;
    return b && (merchantId === undefined || b.merchantId === merchantId) ? b : undefined;
  }

  async listItems(batchId: string, opts: { limit: number; startingAfter?: string }) {
    const after = opts.startingAfter ? parsePayoutItemId(opts.startingAfter) : undefined;
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
      ExpressionAttributeValues: { ':pk': `POB#${batchId}`, ':item': 'ITEM#' }, Limit: opts.limit + 1,
      ...(after && after.batchId === batchId ? { ExclusiveStartKey: { pk: `POB#${batchId}`, sk: itemSk(after.seq) } } : {}),
    }));
    const rows = out.Items ?? [];
    return { items: rows.slice(0, opts.limit).map(fromItemRow), hasMore: rows.length > opts.limit };
  }

  async openItemIds(batchId: string, opts: { limit: number; cursor?: string }) {
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)', FilterExpression: '#s IN (:p, :r)',
      ProjectionExpression: 'id', ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': `POB#${batchId}`, ':item': 'ITEM#', ':p': 'pending', ':r': 'processing' },
      Limit: opts.limit, ConsistentRead: true,
      ...(opts.cursor ? { ExclusiveStartKey: { pk: `POB#${batchId}`, sk: opts.cursor } } : {}),
    }));
    const cursor = out.LastEvaluatedKey?.['sk'] as string | undefined;
    return { ids: (out.Items ?? []).map((r) => String(r['id'])), ...(cursor ? { cursor } : {}) };
  }

  async *allItems(batchId: string): AsyncIterable<StoredPayoutItem> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)', ConsistentRead: true,
        ExpressionAttributeValues: { ':pk': `POB#${batchId}`, ':item': 'ITEM#' }, ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      for (const r of out.Items ?? []) yield fromItemRow(r);
      start = out.LastEvaluatedKey;
    } while (start);
  }

  async getItem(itemId: string): Promise<StoredPayoutItem | undefined> {
    const p = parsePayoutItemId(itemId);
    if (!p) return undefined;
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { pk: `POB#${p.batchId}`, sk: itemSk(p.seq) }, ConsistentRead: true }));
    return out.Item ? fromItemRow(out.Item) : undefined;
  }

  async claimItem(itemId: string, now: string): Promise<{ result: ClaimResult; item?: StoredPayoutItem }> {
    const p = parsePayoutItemId(itemId);
    if (!p) return { result: 'missing' };
    try {
      const out = await this.doc.send(new UpdateCommand({
        TableName: this.table, Key: { pk: `POB#${p.batchId}`, sk: itemSk(p.seq) },
        UpdateExpression: 'SET #s = :to, updated = :now', ConditionExpression: '#s = :from',
        ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':to': 'processing', ':from': 'pending', ':now': now },
        ReturnValues: 'ALL_NEW',
      }));
      return { result: 'claimed', item: fromItemRow(out.Attributes ?? {}) };
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
      const item = await this.getItem(itemId);
      if (!item) return { result: 'missing' };
      return { result: item.status === 'processing' ? 'processing' : 'done', item };
    }
  }

  async settleItem(itemId: string, s: Settlement, now: string): Promise<boolean> {
    const p = parsePayoutItemId(itemId);
    if (!p) return false;
    const values: Record<string, unknown> = { ':to': s.status, ':from': 'processing', ':now': now };
    let set = 'SET #s = :to, updated = :now';
    if (s.status === 'paid') { set += ', paid_at = :at'; values[':at'] = s.paidAt; if (s.endToEndId) { set += ', end_to_end_id = :e2e'; values[':e2e'] = s.endToEndId; } }
    else { set += ', failure = :fail'; values[':fail'] = s.failure; }
    try {
      await this.doc.send(new UpdateCommand({
        TableName: this.table, Key: { pk: `POB#${p.batchId}`, sk: itemSk(p.seq) }, UpdateExpression: set,
        ConditionExpression: '#s = :from', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: values,
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async addCounts(batchId: string, d: { succeeded?: number; failed?: number; canceled?: number }, now: string): Promise<void> {
    await this.doc.send(new UpdateCommand({
      TableName: this.table, Key: this.#batchKey(batchId), ConditionExpression: 'attribute_exists(pk)',
      UpdateExpression: 'ADD succeeded :s, failed :f, canceled :c SET updated = :now',
      ExpressionAttributeValues: { ':s': d.succeeded ?? 0, ':f': d.failed ?? 0, ':c': d.canceled ?? 0, ':now': now },
    }));
  }

  async transition(batchId: string, from: readonly PayoutBatchStatus[], to: PayoutBatchStatus, now: string): Promise<PayoutBatch | undefined> {
    const values: Record<string, unknown> = { ':to': to, ':now': now };
    return this.#update(batchId, 'SET #s = :to, updated = :now', statusIn(from, values), values);
  }

  async beginRun(batchId: string, from: readonly PayoutBatchStatus[], now: string, expectedRuns: number): Promise<PayoutBatch | undefined> {
    const keepStatus = from.length === 1 && from[0] === 'canceled';
    const values: Record<string, unknown> = { ':now': now, ':runs': expectedRuns, ':one': 1, ...(keepStatus ? {} : { ':running': 'running' }) };
    const cond = `${statusIn(from, values)} AND runs = :runs`;
    // A canceled batch keeps its status: the run only finalizes it.
    const set = keepStatus ? 'SET updated = :now ADD runs :one' : 'SET #s = :running, updated = :now ADD runs :one';
    return this.#update(batchId, set, cond, values);
  }

  async setExecutionRef(batchId: string, ref: string, now: string): Promise<void> {
    await this.doc.send(new UpdateCommand({ TableName: this.table, Key: this.#batchKey(batchId), UpdateExpression: 'SET execution_ref = :r, updated = :now', ExpressionAttributeValues: { ':r': ref, ':now': now } }));
  }

  async cancelPendingItems(batchId: string, now: string): Promise<number> {
    let n = 0;
    for await (const i of this.allItems(batchId)) {
      if (i.status !== 'pending') continue;
      const p = parsePayoutItemId(i.id)!;
      try {
        await this.doc.send(new UpdateCommand({
          TableName: this.table, Key: { pk: `POB#${p.batchId}`, sk: itemSk(p.seq) }, UpdateExpression: 'SET #s = :to, updated = :now',
          ConditionExpression: '#s = :from', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':to': 'canceled', ':from': 'pending', ':now': now },
        }));
        n++;
      } catch (e) {
        if (!isConditionFailed(e)) throw e;
      }
    }
    if (n > 0) await this.addCounts(batchId, { canceled: n }, now);
    return n;
  }

  async completeBatch(batchId: string, from: readonly PayoutBatchStatus[], final: Pick<PayoutBatch, 'status' | 'succeeded' | 'failed' | 'canceled'>, event: EventDetail, now: string): Promise<boolean> {
    const values: Record<string, unknown> = { ':to': final.status, ':s': final.succeeded, ':f': final.failed, ':c': final.canceled, ':now': now };
    const input = {
      TransactItems: [
        { Update: { TableName: this.table, Key: this.#batchKey(batchId), ConditionExpression: `${statusIn(from, values)} AND attribute_not_exists(completed_at)`,
          UpdateExpression: 'SET #s = :to, succeeded = :s, failed = :f, canceled = :c, updated = :now, completed_at = :now REMOVE gsi1pk, gsi1sk',
          ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: values } },
        outboxPut(this.table, event),
      ],
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand(input));
        return true;
      } catch (e) {
        const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
        // A late progress ADD on the batch row can collide with the transaction: retry.
        if (!reasons.some((r) => r.Code === 'TransactionConflict') || attempt >= 8) throw e;
        await new Promise((r) => setTimeout(r, 25 * attempt));
      }
    }
  }

  async emit(event: EventDetail): Promise<void> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: outboxRecord(event), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
    }
  }

  async activeBatches(): Promise<PayoutBatch[]> {
    const out: PayoutBatch[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :a', ExpressionAttributeValues: { ':a': ACTIVE }, ...(start ? { ExclusiveStartKey: start } : {}) }));
      for (const row of r.Items ?? []) out.push(fromBatchRow(row));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async #update(batchId: string, update: string, condition: string, values: Record<string, unknown>): Promise<PayoutBatch | undefined> {
    try {
      const out = await this.doc.send(new UpdateCommand({
        TableName: this.table, Key: this.#batchKey(batchId), UpdateExpression: update, ConditionExpression: condition,
        ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: values, ReturnValues: 'ALL_NEW',
      }));
      return fromBatchRow(out.Attributes ?? {});
    } catch (e) {
      if (isConditionFailed(e)) return undefined;
      throw e;
    }
  }
}
