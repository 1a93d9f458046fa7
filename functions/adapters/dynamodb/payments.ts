/**
 * Payments in the platform table. Every write is one TransactWriteItems: the payment (conditional
 * on the version it replaces), its outbox events and its audit entries — a state change is never
 * visible without its event and its audit record, and never twice.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError, type PaymentStore, type PaymentWrite } from '../../app/ports/payment-store.js';
import type { Payment, PaymentStatus, Refund } from '../../core/payments/index.js';
import { auditPutItems } from './audit-trail.js';
import { listingKeys, listNewestFirst } from './listing.js';
import { outboxPut, type TransactItem } from './outbox.js';

const key = (id: string) => ({ pk: `PAY#${id}`, sk: 'PAY' });
const PROCESSING = 'PAYMENTS_PROCESSING';
const refundKey = (id: string) => ({ pk: `RE#${id}`, sk: 'RE' });

export class DynamoDbPaymentStore implements PaymentStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string, private readonly auditTable: string) {}

  private items(p: Payment, write: PaymentWrite | undefined, condition: TransactItem): { items: TransactItem[]; payment: Payment } {
    let payment = p;
    const extra: TransactItem[] = [];
    if (write?.audit?.length) {
      const a = auditPutItems(this.auditTable, p.id, p.audit_head.seq === 0 ? undefined : p.audit_head, write.audit);
      extra.push(...a.items);
      payment = { ...p, audit_head: a.head };
    }
    for (const e of write?.events ?? []) extra.push(outboxPut(this.table, e));
    for (const r of write?.refunds ?? []) {
      extra.push({ Put: { TableName: this.table, Item: { ...refundKey(r.id), kind: 'refund', ...listingKeys('REFUNDS', r.merchant_id, r.created, r.id), refund: r } } });
    }
    const put = condition.Put!;
    return { items: [{ Put: { ...put, Item: this.item(payment) } }, ...extra], payment };
  }

  private item(p: Payment) {
    return {
      ...key(p.id), kind: 'payment', status: p.status, version: p.version, ...listingKeys('PAYMENTS', p.merchant_id, p.created, p.id), payment: p,
      // PSP webhooks name the processor's reference, not ours: gsi1 finds the payment by it.
      ...(p.processor && p.processor_reference ? { gsi1pk: `PSPREF#${p.processor}#${p.processor_reference}`, gsi1sk: p.id } : {}),
      // A payment still processing (no processor reference yet) is indexed by its last change, so
      // the sweeper can resume one whose saga died with its process (sparse: gone once it moves on).
      ...(p.status === 'processing' && !p.processor_reference ? { gsi1pk: PROCESSING, gsi1sk: `${p.updated}#${p.id}` } : {}),
    };
  }

  async create(p: Payment, write?: PaymentWrite): Promise<{ created: boolean; payment: Payment }> {
    const { items, payment } = this.items(p, write, { Put: { TableName: this.table, Item: {}, ConditionExpression: 'attribute_not_exists(pk)' } });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { created: true, payment };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException) || err.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw err;
      const existing = await this.getById(p.id);
      if (!existing) throw err;
      return { created: false, payment: existing };
    }
  }

  async update(next: Payment, write?: PaymentWrite): Promise<Payment> {
    const { items, payment } = this.items(next, write, {
      Put: { TableName: this.table, Item: {}, ConditionExpression: '#v = :prev', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':prev': next.version - 1 } },
    });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return payment;
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) throw new ConcurrentUpdateError(next.id);
      throw err;
    }
  }

  async getById(id: string): Promise<Payment | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    return r.Item?.['payment'] as Payment | undefined;
  }

  async get(merchantId: string, id: string): Promise<Payment | undefined> {
    const p = await this.getById(id);
    return p && p.merchant_id === merchantId ? p : undefined;
  }

  async getRefund(merchantId: string, id: string): Promise<Refund | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: refundKey(id), ConsistentRead: true }));
    const refund = r.Item?.['refund'] as Refund | undefined;
    return refund && refund.merchant_id === merchantId ? refund : undefined;
  }

  async listProcessingSince(beforeIso: string, limit: number): Promise<Payment[]> {
    const r = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :before',
      ExpressionAttributeValues: { ':p': PROCESSING, ':before': beforeIso }, Limit: limit,
    }));
    const out: Payment[] = [];
    for (const item of r.Items ?? []) {
      const p = await this.getById(String(item['gsi1sk']).split('#').pop()!);
      if (p?.status === 'processing') out.push(p);
    }
    return out;
  }

  async findByProcessorReference(processor: string, reference: string): Promise<Payment | undefined> {
    const r = await this.db.send(new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `PSPREF#${processor}#${reference}` }, Limit: 1 }));
    const id = r.Items?.[0]?.['gsi1sk'] as string | undefined;
    return id ? this.getById(id) : undefined;
  }

  async list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined; status?: PaymentStatus | undefined }): Promise<{ data: Payment[]; hasMore: boolean }> {
    let after: string | undefined;
    if (opts.startingAfter) {
      const cursor = await this.get(merchantId, opts.startingAfter);
      if (!cursor) return { data: [], hasMore: false };
      after = `${cursor.created}#${cursor.id}`;
    }
    const r = await listNewestFirst<{ payment: Payment }>(this.db, this.table, 'PAYMENTS', merchantId, { limit: opts.limit, startingAfterSortKey: after, filter: { status: opts.status } });
    return { data: r.items.map((i) => i.payment), hasMore: r.hasMore };
  }
}
