/**
 * Mandate budgets, reserved atomically (API.md: concurrent payments can never overspend).
 *
 * Per mandate and budget period there is one counter item (`BUD#<mandate>`, sk = period key from
 * the payment time in UTC) holding `used = reserved + spent`. DynamoDB conditions cannot add, so
 * the check `reserved + spent + amount <= budget` is written `used <= budget - amount`, with
 * `budget - amount` computed here. One TransactWriteItems:
 *   1. ConditionCheck the mandate: still active and not expired (a revoke racing the payment wins);
 *   2. Update the counter: used += amount, reserved += amount, if `used <= budget - amount`;
 *   3. Put the reservation item (`RSV#<mandate>#<payment>`) unless it exists — the record that
 *      makes release and settle idempotent, and a retried reserve a no-op.
 * Release and settle flip the reservation's status (conditional on `reserved`) and move the
 * counter in the same transaction, so each happens at most once whatever is retried.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MandateLimitError } from '../../app/ports/agent-store.js';
import type { BudgetReservations } from '../../app/saga/deps.js';
import { periodKey, type Mandate } from '../../core/mandates/index.js';
import { counterKey, mandateKey } from './agents.js';

const reservationKey = (mandateId: string, paymentId: string) => ({ pk: `RSV#${mandateId}#${paymentId}`, sk: 'RSV' });

type Reason = { Code?: string } | undefined;

/** Bounded retries with full jitter on transaction conflicts (many payments on one counter). */
const MAX_ATTEMPTS = 12;
const backoff = (attempt: number): Promise<void> => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));

function reasons(err: unknown): Reason[] | undefined {
  return err instanceof TransactionCanceledException ? (err.CancellationReasons as Reason[] | undefined) ?? [] : undefined;
}

export class DynamoDbBudgetReservations implements BudgetReservations {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async reserve(p: { mandateId: string; paymentId: string; amount: number; currency: string; at: Date }): Promise<void> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: mandateKey(p.mandateId), ConsistentRead: true }));
    const m = r.Item?.['mandate'] as Mandate | undefined;
    if (!m) throw new MandateLimitError('status', `No such mandate ${p.mandateId}`);
    if (p.currency !== m.currency) throw new MandateLimitError('budget', `The mandate's budget is in ${m.currency}`);
    const room = m.budget.amount - p.amount;
    if (room < 0) throw new MandateLimitError('budget', `The payment exceeds the mandate's ${m.budget.period} budget of ${m.budget.amount}`);
    const period = periodKey(m.budget.period, p.at);
    const items = [
      {
        ConditionCheck: {
          TableName: this.table, Key: mandateKey(p.mandateId),
          ConditionExpression: '#s = :active AND expires_at > :now',
          ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':active': 'active', ':now': p.at.toISOString() },
        },
      },
      {
        Update: {
          TableName: this.table, Key: counterKey(p.mandateId, period),
          UpdateExpression: 'SET used = if_not_exists(used, :zero) + :amt, reserved = if_not_exists(reserved, :zero) + :amt, spent = if_not_exists(spent, :zero), budget = :budget, currency = :cur',
          ConditionExpression: 'attribute_not_exists(used) OR used <= :room',
          ExpressionAttributeValues: { ':zero': 0, ':amt': p.amount, ':room': room, ':budget': m.budget.amount, ':cur': m.currency },
        },
      },
      {
        Put: {
          TableName: this.table, Item: { ...reservationKey(p.mandateId, p.paymentId), kind: 'reservation', status: 'reserved', amount: p.amount, period, reserved_at: p.at.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (err) {
        const why = reasons(err);
        if (!why) throw err;
        // A retried reserve: the reservation already exists, whatever else the transaction saw.
        if (why[2]?.Code === 'ConditionalCheckFailed') return;
        if (why[0]?.Code === 'ConditionalCheckFailed') {
          const expired = Date.parse(m.expires_at) <= p.at.getTime();
          throw new MandateLimitError(expired ? 'expires_at' : 'status', expired ? `The mandate expired at ${m.expires_at}` : 'The mandate is no longer active');
        }
        if (why[1]?.Code === 'ConditionalCheckFailed') {
          throw new MandateLimitError('budget', `The mandate's ${m.budget.period} budget of ${m.budget.amount} ${m.currency} has no room for ${p.amount}`);
        }
        if (attempt >= MAX_ATTEMPTS || !why.some((x) => x?.Code === 'TransactionConflict')) throw err;
        await backoff(attempt);
      }
    }
  }

  release(p: { mandateId: string; paymentId: string }): Promise<void> {
    return this.finish(p, 'released');
  }

  settle(p: { mandateId: string; paymentId: string }): Promise<void> {
    return this.finish(p, 'settled');
  }

  private async finish(p: { mandateId: string; paymentId: string }, to: 'released' | 'settled'): Promise<void> {
    const key = reservationKey(p.mandateId, p.paymentId);
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    if (!r.Item || r.Item['status'] !== 'reserved') return;
    const amount = r.Item['amount'] as number;
    const counter = to === 'released'
      ? { UpdateExpression: 'SET used = used - :amt, reserved = reserved - :amt', ExpressionAttributeValues: { ':amt': amount } }
      : { UpdateExpression: 'SET reserved = reserved - :amt, spent = spent + :amt', ExpressionAttributeValues: { ':amt': amount } };
    const items = [
      {
        Update: {
          TableName: this.table, Key: key, UpdateExpression: 'SET #s = :to', ConditionExpression: '#s = :reserved',
          ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':to': to, ':reserved': 'reserved' },
        },
      },
      { Update: { TableName: this.table, Key: counterKey(p.mandateId, r.Item['period'] as string), ...counter } },
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (err) {
        const why = reasons(err);
        if (!why) throw err;
        if (why[0]?.Code === 'ConditionalCheckFailed') return; // released or settled already
        if (attempt >= MAX_ATTEMPTS || !why.some((x) => x?.Code === 'TransactionConflict')) throw err;
        await backoff(attempt);
      }
    }
  }
}
