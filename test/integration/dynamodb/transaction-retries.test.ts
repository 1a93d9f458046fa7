/**
 * The adapters' answers to transaction failures DynamoDB Local rarely produces (it serialises
 * transactions, so contention never shows there): a stub client replays them.
 */
import { describe, expect, it } from 'vitest';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditTrail } from '../../../functions/adapters/dynamodb/audit-trail.js';
import { DynamoLedger } from '../../../functions/adapters/dynamodb/ledger.js';
import { AuditAppendContentionError } from '../../../functions/app/ports/audit-trail.js';
import { cardCaptureEntry } from '../../../functions/core/ledger/index.js';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });

/** A client whose TransactWriteItems answers come from `script` (an Error is thrown); queries see an empty table. */
function stub(script: Array<Error | 'ok'>): { doc: DynamoDBDocumentClient; sent: TransactWriteCommand[] } {
  const sent: TransactWriteCommand[] = [];
  const doc = {
    send: async (command: unknown) => {
      if (!(command instanceof TransactWriteCommand)) return { Items: [] };
      sent.push(command);
      const next = script.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, sent };
}

const entry = cardCaptureEntry({ merchantId: 'mer_1', paymentId: 'pay_1', psp: 'stripe', amount: 100, currency: 'brl', createdAt: '2026-11-22T10:00:00.000Z' });

describe('DynamoLedger under contention', () => {
  it('retries a transaction cancelled by a conflict on a balance row and then posts', async () => {
    const { doc, sent } = stub([cancelled('None', 'TransactionConflict', 'None'), 'ok']);
    expect(await new DynamoLedger(doc, 't').post(entry)).toBe('posted');
    expect(sent).toHaveLength(2);
  });

  it('keeps one ClientRequestToken per post call: ≤ 36 chars, prefixed by a hash of the entry id', async () => {
    const { doc, sent } = stub([cancelled('None', 'TransactionConflict', 'None'), 'ok']);
    await new DynamoLedger(doc, 't').post(entry);
    const tokens = sent.map((c) => c.input.ClientRequestToken!);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[0]!.length).toBeLessThanOrEqual(36);
    const other = stub(['ok']);
    await new DynamoLedger(other.doc, 't').post(entry);
    expect(other.sent[0]!.input.ClientRequestToken!.slice(0, 24)).toBe(tokens[0]!.slice(0, 24));
  });

  it('gives up after maxAttempts and throws the last cancellation', async () => {
    const { doc, sent } = stub(Array.from({ length: 10 }, () => cancelled('TransactionConflict', 'None', 'None')));
    await expect(new DynamoLedger(doc, 't', { maxAttempts: 3 }).post(entry)).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(sent).toHaveLength(3);
  });

  it('does not retry a cancellation that is not contention (e.g. a validation error on an item)', async () => {
    const { doc, sent } = stub([cancelled('None', 'ValidationError', 'None')]);
    await expect(new DynamoLedger(doc, 't').post(entry)).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(sent).toHaveLength(1);
  });
});

describe('DynamoAuditTrail under contention', () => {
  const d = { at: '2026-11-22T10:00:00.000Z', actor: 'saga', action: 'x', data: null };

  it('re-reads the head and retries when another appender took the seq', async () => {
    const { doc, sent } = stub([cancelled('ConditionalCheckFailed'), cancelled('TransactionConflict'), 'ok']);
    expect((await new DynamoAuditTrail(doc, 't').append('pay_1', [d])).seq).toBe(1);
    expect(sent).toHaveLength(3);
  });

  it('throws AuditAppendContentionError after a bounded number of attempts, having written nothing', async () => {
    const { doc, sent } = stub(Array.from({ length: 10 }, () => cancelled('ConditionalCheckFailed')));
    await expect(new DynamoAuditTrail(doc, 't', { maxAttempts: 4 }).append('pay_1', [d])).rejects.toBeInstanceOf(AuditAppendContentionError);
    expect(sent).toHaveLength(4);
  });

  it('does not retry other failures', async () => {
    const { doc, sent } = stub([Object.assign(new Error('no table'), { name: 'ResourceNotFoundException' })]);
    await expect(new DynamoAuditTrail(doc, 't').append('pay_1', [d])).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(sent).toHaveLength(1);
  });
});
