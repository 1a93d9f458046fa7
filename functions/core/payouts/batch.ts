/**
 * Batch rules: ids, which control actions a status allows, the final status, counts and the
 * public view. Pure.
 */
import { AppError } from '../errors.js';
import type { PayoutBatch, PayoutBatchStatus, PayoutCounts, PayoutItem } from './types.js';

/** `poi_<batch body>_<seq>`: the item id carries its batch and position (one GetItem, no index). */
export function payoutItemId(batchId: string, seq: number): string {
  return `poi_${batchId.replace(/^pob_/, '')}_${String(seq).padStart(5, '0')}`;
}

export function parsePayoutItemId(itemId: string): { batchId: string; seq: number } | undefined {
  const m = /^poi_([0-9A-Za-z]+)_(\d{5})$/.exec(itemId);
  return m ? { batchId: `pob_${m[1]}`, seq: Number(m[2]) } : undefined;
}

/**
 * The id sent to the PSP (`idEnvio`: 1–35 of [a-zA-Z0-9]): the item id without separators. One
 * item, one PSP id, forever: a retried or resumed call can only ever replay the same transfer.
 */
export function pspPayoutId(itemId: string): string {
  return itemId.replace(/_/g, '');
}

export type PayoutControl = 'pause' | 'resume' | 'cancel';

const ALLOWED: Record<PayoutControl, readonly PayoutBatchStatus[]> = {
  pause: ['scheduled', 'running'],
  resume: ['paused'],
  cancel: ['scheduled', 'running', 'paused'],
};

/** The statuses from which `action` is allowed; anything else is `invalid_state` (409). */
export function allowedFrom(action: PayoutControl): readonly PayoutBatchStatus[] {
  return ALLOWED[action];
}

export function assertControlAllowed(batch: Pick<PayoutBatch, 'status'>, action: PayoutControl): void {
  if (!ALLOWED[action].includes(batch.status)) {
    throw new AppError('invalid_state', `Cannot ${action} a payout batch that is ${batch.status}`);
  }
}

/** Final status once no item is pending or processing. */
export function finalStatus(counts: Pick<PayoutCounts, 'failed'>): 'completed' | 'completed_with_errors' {
  return counts.failed > 0 ? 'completed_with_errors' : 'completed';
}

export function countsOf(b: Pick<PayoutBatch, 'total' | 'succeeded' | 'failed' | 'canceled'>): PayoutCounts {
  return { total: b.total, succeeded: b.succeeded, failed: b.failed, canceled: b.canceled, pending: Math.max(0, b.total - b.succeeded - b.failed - b.canceled) };
}

/** Counts from the items themselves (the authoritative recount at completion). */
export function tally(items: Iterable<Pick<PayoutItem, 'status'>>): Pick<PayoutCounts, 'succeeded' | 'failed' | 'canceled'> & { open: number } {
  let succeeded = 0, failed = 0, canceled = 0, open = 0;
  for (const i of items) {
    if (i.status === 'paid') succeeded++;
    else if (i.status === 'failed') failed++;
    else if (i.status === 'canceled') canceled++;
    else open++;
  }
  return { succeeded, failed, canceled, open };
}

export function batchView(b: PayoutBatch) {
  return {
    id: b.id,
    object: 'payout_batch' as const,
    status: b.status,
    counts: countsOf(b),
    amount: b.amount,
    currency: b.currency,
    scheduled_for: b.scheduledFor ?? null,
    created: b.created,
    updated: b.updated,
    completed_at: b.completedAt ?? null,
  };
}

/** The destination key as shown back to the merchant: type and the last 4 characters only. */
export function maskKey(key: string): string {
  return key.length <= 4 ? '****' : `${'*'.repeat(Math.min(8, key.length - 4))}${key.slice(-4)}`;
}

export function itemView(i: PayoutItem) {
  return {
    id: i.id,
    object: 'payout_item' as const,
    batch_id: i.batchId,
    reference: i.reference,
    amount: i.amount,
    currency: i.currency,
    destination: { type: 'pix_key' as const, key_type: i.keyType ?? null, key_masked: i.keyMasked },
    status: i.status,
    failure: i.failure ?? null,
    end_to_end_id: i.endToEndId ?? null,
    paid_at: i.paidAt ?? null,
  };
}
