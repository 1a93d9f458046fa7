/**
 * Pix state in the platform table (contracts/tables.ts):
 * - charge: `pk = PAY#<payment>`, `sk = PIXCHARGE`, gsi1 `TXID#<txid>` (the webhook's lookup);
 *   while active also gsi2 `PIXOPEN` / `<expires_at>#<txid>` (the expiry job's scan-free query);
 * - received Pix: `pk = PIXE2E#<endToEndId>` created with `attribute_not_exists` (one credit per
 *   endToEndId), gsi2 `PIXRECEIVED` / `<paid_at>#<endToEndId>` for reconciliation windows;
 * - raw callbacks: `pk = PIXHOOK#<id>` with a 90-day TTL; pending devoluções: gsi2 `PIXREFUND_PENDING`.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../contracts/events.js';
import type { PendingPixRefund, PixChargeRecord, PixStore, ReceivedPixRecord } from '../../app/ports/pix-store.js';
import type { Sealed } from '../../app/ports/vault.js';
import { outboxRecord } from './outbox.js';

const chargeKey = (paymentId: string) => ({ pk: `PAY#${paymentId}`, sk: 'PIXCHARGE' });
const receivedKey = (e2e: string) => ({ pk: `PIXE2E#${e2e}`, sk: 'PIX' });
const pendingKey = (refundId: string) => ({ pk: `PIXREFUND#${refundId}`, sk: 'PENDING' });
const CALLBACK_TTL_SECONDS = 90 * 86_400;

async function putIfAbsent(db: DynamoDBDocumentClient, table: string, item: Record<string, unknown>): Promise<boolean> {
  try {
    await db.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

export class DynamoDbPixStore implements PixStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  private chargeItem(c: PixChargeRecord) {
    return {
      ...chargeKey(c.payment_id), kind: 'pix_charge', gsi1pk: `TXID#${c.txid}`, gsi1sk: 'PIXCHARGE',
      ...(c.status === 'active' ? { gsi2pk: 'PIXOPEN', gsi2sk: `${c.expires_at}#${c.txid}` } : {}),
      charge: c,
    };
  }

  private async query<T>(index: string, keyName: string, key: string, opts: { upTo?: string; from?: string; limit?: number } = {}): Promise<T[]> {
    const sk = index === 'gsi1' ? 'gsi1sk' : 'gsi2sk';
    const values: Record<string, unknown> = { ':k': key };
    let cond = `${keyName} = :k`;
    if (opts.from !== undefined && opts.upTo !== undefined) {
      cond += ` AND ${sk} BETWEEN :from AND :to`;
      Object.assign(values, { ':from': opts.from, ':to': opts.upTo });
    } else if (opts.upTo !== undefined) {
      cond += ` AND ${sk} < :to`;
      values[':to'] = opts.upTo;
    }
    const out: T[] = [];
    let lastKey: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(new QueryCommand({ TableName: this.table, IndexName: index, KeyConditionExpression: cond, ExpressionAttributeValues: values, ExclusiveStartKey: lastKey }));
      out.push(...((r.Items ?? []) as T[]));
      lastKey = r.LastEvaluatedKey;
    } while (lastKey && (opts.limit === undefined || out.length < opts.limit));
    return opts.limit === undefined ? out : out.slice(0, opts.limit);
  }

  async createCharge(c: PixChargeRecord) {
    if (await putIfAbsent(this.db, this.table, this.chargeItem(c))) return { created: true, charge: c };
    const existing = await this.getChargeByPayment(c.payment_id);
    if (!existing) throw new Error(`pix charge of ${c.payment_id} vanished`);
    return { created: false, charge: existing };
  }

  async putCharge(c: PixChargeRecord) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: this.chargeItem(c) }));
  }

  async getChargeByTxid(txid: string) {
    // gsi1 gives the key; the consistent read of the item gives its latest state.
    const [hit] = await this.query<{ charge: PixChargeRecord }>('gsi1', 'gsi1pk', `TXID#${txid}`, { limit: 1 });
    return hit ? this.getChargeByPayment(hit.charge.payment_id) : undefined;
  }

  async getChargeByPayment(paymentId: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: chargeKey(paymentId), ConsistentRead: true }));
    return r.Item?.['charge'] as PixChargeRecord | undefined;
  }

  async listExpiredActive(at: string, limit: number) {
    const items = await this.query<{ charge: PixChargeRecord }>('gsi2', 'gsi2pk', 'PIXOPEN', { upTo: at, limit });
    return items.map((i) => i.charge);
  }

  private receivedItem(r: ReceivedPixRecord) {
    return { ...receivedKey(r.end_to_end_id), kind: 'pix_received', gsi2pk: 'PIXRECEIVED', gsi2sk: `${r.paid_at}#${r.end_to_end_id}`, received: r };
  }

  async claimReceived(r: ReceivedPixRecord) {
    if (await putIfAbsent(this.db, this.table, this.receivedItem(r))) return { created: true, record: r };
    const existing = await this.getReceived(r.end_to_end_id);
    if (!existing) throw new Error(`received pix ${r.end_to_end_id} vanished`);
    return { created: false, record: existing };
  }

  async putReceived(r: ReceivedPixRecord) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: this.receivedItem(r) }));
  }

  async getReceived(endToEndId: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: receivedKey(endToEndId), ConsistentRead: true }));
    return r.Item?.['received'] as ReceivedPixRecord | undefined;
  }

  async listReceived(from: string, to: string) {
    // `~` sorts after every endToEndId character, so `to` is inclusive.
    const items = await this.query<{ received: ReceivedPixRecord }>('gsi2', 'gsi2pk', 'PIXRECEIVED', { from, upTo: `${to}~` });
    return items.map((i) => i.received);
  }

  async recordCallback(c: { id: string; received: string; sealed: Sealed }) {
    const ttl = Math.floor(Date.parse(c.received) / 1000) + CALLBACK_TTL_SECONDS;
    await putIfAbsent(this.db, this.table, { pk: `PIXHOOK#${c.id}`, sk: 'HOOK', kind: 'pix_callback', received: c.received, sealed: c.sealed, ttl });
  }

  async addPendingRefund(r: PendingPixRefund) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...pendingKey(r.refund_id), kind: 'pix_refund_pending', gsi2pk: 'PIXREFUND_PENDING', gsi2sk: `${r.created}#${r.refund_id}`, pending: r } }));
  }

  async removePendingRefund(refundId: string) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: pendingKey(refundId) }));
  }

  async listPendingRefunds(limit: number) {
    const items = await this.query<{ pending: PendingPixRefund }>('gsi2', 'gsi2pk', 'PIXREFUND_PENDING', { limit });
    return items.map((i) => i.pending);
  }

  async emit(events: readonly EventDetail[]) {
    for (const e of events) await putIfAbsent(this.db, this.table, { ...outboxRecord(e) });
  }
}
