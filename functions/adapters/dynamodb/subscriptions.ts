/**
 * Subscriptions and invoices in the platform table.
 * - `SUB#<id>`: the subscription, versioned; while it has a `next_attempt_at` it sits on gsi1
 *   (`gsi1pk = SUBDUE`, `gsi1sk = <next_attempt_at>#<id>`) so the renewal schedule queries what is
 *   due in time order. (One partition: fine for thousands of renewals a minute; shard the key by a
 *   hash suffix beyond that.)
 * - `INV#<id>`: an invoice (id derived from subscription and period).
 * - `INVSEQ#<merchant>`: the merchant's invoice counter. A new invoice and the counter's step are
 *   one TransactWriteItems, conditional on the counter still holding the value read and on the
 *   invoice not existing: two writers can never take the same number, and a number is only
 *   consumed by an invoice that was written (no gaps).
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Invoice, Subscription } from '../../core/billing/index.js';
import { SubscriptionConflictError, type SubscriptionStore } from '../../app/ports/subscription-store.js';

const subKey = (id: string) => ({ pk: `SUB#${id}`, sk: 'SUB' });
const invKey = (id: string) => ({ pk: `INV#${id}`, sk: 'INV' });
const seqKey = (merchantId: string) => ({ pk: `INVSEQ#${merchantId}`, sk: 'INVSEQ' });
const DUE = 'SUBDUE';
const MAX_NUMBERING_TRIES = 50;

const isConditionFailure = (err: unknown): boolean => {
  const name = (err as { name?: string }).name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException' || name === 'TransactionConflictException';
};

function subItem(s: Subscription): Record<string, unknown> {
  const due = s.next_attempt_at !== null && s.status !== 'canceled' && s.status !== 'unpaid';
  return { ...subKey(s.id), kind: 'subscription', merchant_id: s.merchant_id, version: s.version, subscription: s, ...(due ? { gsi1pk: DUE, gsi1sk: `${s.next_attempt_at}#${s.id}` } : {}) };
}

export class DynamoDbSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string, private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))) {}

  async create(s: Subscription) {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: subItem(s), ConditionExpression: 'attribute_not_exists(pk)' }));
      return { created: true, subscription: s };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const existing = await this.get(s.merchant_id, s.id);
      if (!existing) throw err;
      return { created: false, subscription: existing };
    }
  }

  async get(merchantId: string, id: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: subKey(id), ConsistentRead: true }));
    const s = r.Item?.['subscription'] as Subscription | undefined;
    return s?.merchant_id === merchantId ? s : undefined;
  }

  async update(next: Subscription) {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: subItem(next), ConditionExpression: 'version = :prev', ExpressionAttributeValues: { ':prev': next.version - 1 } }));
      return next;
    } catch (err) {
      if (isConditionFailure(err)) throw new SubscriptionConflictError(next.id);
      throw err;
    }
  }

  async listDue(now: Date, limit: number) {
    const r = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi1', Limit: limit,
      KeyConditionExpression: 'gsi1pk = :due AND gsi1sk <= :now',
      // `~` sorts after every id character: everything due at or before `now`.
      ExpressionAttributeValues: { ':due': DUE, ':now': `${now.toISOString()}#~` },
    }));
    return (r.Items ?? []).map((i) => i['subscription'] as Subscription);
  }

  async createInvoice(draft: Omit<Invoice, 'number'>, number: (seq: number) => string) {
    for (let attempt = 0; attempt < MAX_NUMBERING_TRIES; attempt++) {
      const existing = await this.getInvoice(draft.merchant_id, draft.id);
      if (existing) return existing;
      const counter = await this.db.send(new GetCommand({ TableName: this.table, Key: seqKey(draft.merchant_id), ConsistentRead: true }));
      const current = (counter.Item?.['seq'] as number | undefined) ?? 0;
      const invoice: Invoice = { ...draft, number: number(current + 1) };
      try {
        await this.db.send(new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table, Item: { ...seqKey(draft.merchant_id), kind: 'invoice_sequence', seq: current + 1 },
                ConditionExpression: current === 0 ? 'attribute_not_exists(pk)' : 'seq = :seq', ...(current === 0 ? {} : { ExpressionAttributeValues: { ':seq': current } }),
              },
            },
            { Put: { TableName: this.table, Item: { ...invKey(invoice.id), kind: 'invoice', merchant_id: invoice.merchant_id, version: invoice.version, invoice }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }));
        return invoice;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        // Another invoice of this merchant took the number: back off with jitter and read again.
        await this.sleep(Math.floor(Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
      }
    }
    throw new SubscriptionConflictError(draft.id);
  }

  async getInvoice(merchantId: string, id: string) {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: invKey(id), ConsistentRead: true }));
    const i = r.Item?.['invoice'] as Invoice | undefined;
    return i?.merchant_id === merchantId ? i : undefined;
  }

  async updateInvoice(next: Invoice) {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table, Item: { ...invKey(next.id), kind: 'invoice', merchant_id: next.merchant_id, version: next.version, invoice: next },
        ConditionExpression: 'version = :prev', ExpressionAttributeValues: { ':prev': next.version - 1 },
      }));
      return next;
    } catch (err) {
      if (isConditionFailure(err)) throw new SubscriptionConflictError(next.id);
      throw err;
    }
  }
}
