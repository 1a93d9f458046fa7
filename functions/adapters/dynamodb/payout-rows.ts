/** Row shapes of payout batches and items in the platform table (snake_case attributes). */
import type { PayoutBatch, PayoutFailure, PayoutItem } from '../../core/payouts/index.js';
import type { StoredPayoutItem } from '../../app/ports/payout-store.js';
import type { Sealed } from '../../app/ports/vault.js';

export type Row = Record<string, unknown>;
export const ACTIVE = 'POB_ACTIVE';
export const itemSk = (seq: number): string => `ITEM#${String(seq).padStart(5, '0')}`;

const opt = <K extends string, V>(k: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined || v === null ? {} : ({ [k]: v } as Record<K, V>));

export function toBatchRow(b: PayoutBatch): Row {
  return {
    pk: `POB#${b.id}`, sk: 'BATCH', kind: 'payout_batch', id: b.id, merchant_id: b.merchantId, status: b.status,
    total: b.total, succeeded: b.succeeded, failed: b.failed, canceled: b.canceled, amount: b.amount, currency: b.currency,
    runs: b.runs, created: b.created, updated: b.updated, gsi1pk: ACTIVE, gsi1sk: b.id,
    ...opt('scheduled_for', b.scheduledFor), ...opt('execution_ref', b.executionRef),
  };
}

export function fromBatchRow(r: Row): PayoutBatch {
  return {
    id: String(r['id']), merchantId: String(r['merchant_id']), status: r['status'] as PayoutBatch['status'],
    total: Number(r['total']), succeeded: Number(r['succeeded'] ?? 0), failed: Number(r['failed'] ?? 0), canceled: Number(r['canceled'] ?? 0),
    amount: Number(r['amount']), currency: 'brl', runs: Number(r['runs'] ?? 0), created: String(r['created']), updated: String(r['updated']),
    ...opt('scheduledFor', r['scheduled_for'] as string | undefined), ...opt('executionRef', r['execution_ref'] as string | undefined),
    ...opt('completedAt', r['completed_at'] as string | undefined),
  };
}

export function toItemRow(i: StoredPayoutItem): Row {
  return {
    pk: `POB#${i.batchId}`, sk: itemSk(i.seq), kind: 'payout_item', id: i.id, batch_id: i.batchId, merchant_id: i.merchantId, seq: i.seq,
    reference: i.reference, amount: i.amount, currency: i.currency, key_masked: i.keyMasked, status: i.status, updated: i.updated,
    ...opt('key_type', i.keyType), ...opt('failure', i.failure), ...opt('sealed_key', i.sealedKey),
    ...opt('end_to_end_id', i.endToEndId), ...opt('paid_at', i.paidAt),
  };
}

export function fromItemRow(r: Row): StoredPayoutItem {
  return {
    id: String(r['id']), batchId: String(r['batch_id']), merchantId: String(r['merchant_id']), seq: Number(r['seq']),
    reference: String(r['reference']), amount: Number(r['amount']), currency: String(r['currency']), keyMasked: String(r['key_masked']),
    status: r['status'] as PayoutItem['status'], updated: String(r['updated']),
    ...opt('keyType', r['key_type'] as string | undefined), ...opt('failure', r['failure'] as PayoutFailure | undefined),
    ...opt('sealedKey', r['sealed_key'] as Sealed | undefined), ...opt('endToEndId', r['end_to_end_id'] as string | undefined),
    ...opt('paidAt', r['paid_at'] as string | undefined),
  };
}
