/**
 * POST /v1/payouts/batches: validates every item up front (invalid ones are stored `failed` with a
 * reason, the rest `pending`), seals each destination key, then starts the batch now or creates a
 * one-off schedule for `scheduled_for`.
 *
 * The batch id is derived from (merchant, Idempotency-Key): the idempotency layer replays stored
 * answers, but a 5xx is not stored and its retry runs again — it must land on the same batch, not
 * create a second one that pays everybody again.
 */
import { deterministicId } from '../../core/ids.js';
import { maskKey, payoutItemId, validatePayoutItems, type PayoutBatch, type PayoutItemInput } from '../../core/payouts/index.js';
import type { StoredPayoutItem } from '../ports/payout-store.js';
import { keyContext, type PayoutDeps } from './deps.js';

export interface CreateBatchInput {
  readonly items: readonly PayoutItemInput[];
  readonly scheduledFor?: Date;
}

type Deps = Pick<PayoutDeps, 'store' | 'runner' | 'vault' | 'clock'>;

export async function createPayoutBatch(merchantId: string, idempotencyKey: string, input: CreateBatchInput, deps: Deps): Promise<PayoutBatch> {
  const id = deterministicId('pob', merchantId, idempotencyKey);
  const existing = await deps.store.getBatch(id, merchantId);
  if (existing) return ensureStarted(existing, deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const verdicts = validatePayoutItems(input.items);
  const items: StoredPayoutItem[] = await Promise.all(
    input.items.map(async (it, seq): Promise<StoredPayoutItem> => {
      const v = verdicts[seq]!;
      const itemId = payoutItemId(id, seq);
      const base = { id: itemId, batchId: id, merchantId, seq, reference: it.reference, amount: it.amount, currency: it.currency, keyMasked: maskKey(it.destination.key), updated: at };
      if (!v.ok) return { ...base, status: 'failed', failure: v.failure };
      return { ...base, keyType: v.keyType, status: 'pending', sealedKey: await deps.vault.seal(it.destination.key, keyContext(merchantId, itemId)) };
    }),
  );
  const scheduled = input.scheduledFor !== undefined && input.scheduledFor.getTime() > now.getTime();
  const batch: PayoutBatch = {
    id, merchantId, status: scheduled ? 'scheduled' : 'running', total: items.length, succeeded: 0,
    failed: items.filter((i) => i.status === 'failed').length, canceled: 0,
    amount: items.filter((i) => i.status === 'pending').reduce((a, i) => a + i.amount, 0), currency: 'brl',
    ...(input.scheduledFor ? { scheduledFor: input.scheduledFor.toISOString() } : {}),
    runs: scheduled ? 0 : 1, created: at, updated: at,
  };
  if ((await deps.store.createBatch(batch, items)) === 'exists') {
    const raced = await deps.store.getBatch(id, merchantId);
    if (raced) return ensureStarted(raced, deps);
  }
  if (scheduled) await deps.runner.scheduleAt(id, merchantId, input.scheduledFor!);
  else await deps.store.setExecutionRef(id, await deps.runner.start(id, merchantId, 1), at);
  return batch;
}

/** A retried create finds its batch: start it if the first attempt died between the write and the start. */
async function ensureStarted(batch: PayoutBatch, deps: Deps): Promise<PayoutBatch> {
  if (batch.status === 'running' && batch.executionRef === undefined) {
    await deps.store.setExecutionRef(batch.id, await deps.runner.start(batch.id, batch.merchantId, batch.runs), deps.clock.now().toISOString());
  }
  return batch;
}
