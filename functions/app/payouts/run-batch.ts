/**
 * The steps of statemachines/payout-batch.asl.json. Each is safe to run twice, concurrently, or
 * after a crash at any line: item moves are conditional, the PSP call is keyed by the item id,
 * ledger entries and the completion event have deterministic ids.
 */
import { buildEvent } from '../events.js';
import { payoutEntry } from '../../core/ledger/index.js';
import { batchView, finalStatus, pspPayoutId, tally, type PayoutFailure } from '../../core/payouts/index.js';
import { PixPspError } from '../ports/pix-psp.js';
import type { PixPayout } from '../ports/pix-payout.js';
import type { StoredPayoutItem } from '../ports/payout-store.js';
import { keyContext, type PayoutDeps } from './deps.js';
import { PayoutPendingError, PayoutsUnresolvedError, TransientError } from './errors.js';

export const PAGE_SIZE = 250;
/** Ledger posts in flight at once at completion: every entry touches the same two balance rows. */
const LEDGER_CONCURRENCY = 4;

export type PageResult = { action: 'pay'; item_ids: string[]; cursor: string | null } | { action: 'finalize' | 'stop'; item_ids: []; cursor: null };

/** Next page of open item ids, or what to do when there are none / the batch stopped running. */
export async function loadPage(batchId: string, cursor: string | null, deps: Pick<PayoutDeps, 'store'>): Promise<PageResult> {
  const batch = await deps.store.getBatch(batchId);
  if (!batch || batch.status === 'paused' || batch.status === 'scheduled' || batch.status === 'completed' || batch.status === 'completed_with_errors') {
    return { action: 'stop', item_ids: [], cursor: null };
  }
  if (batch.status === 'canceled') return { action: 'finalize', item_ids: [], cursor: null };
  const page = await deps.store.openItemIds(batchId, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  if (page.ids.length === 0 && !page.cursor) return { action: 'finalize', item_ids: [], cursor: null };
  return { action: 'pay', item_ids: page.ids, cursor: page.cursor ?? null };
}

export type ItemOutcome = { item_id: string; result: 'paid' | 'failed' | 'skipped' | 'already_done' };

/**
 * The batch status pay_item last read, per warm process, reused for {@link STATUS_TTL_MS}: one
 * read per batch per quarter second instead of one per item (a DynamoDB round trip of ~5). A pause
 * or cancel therefore stops payments within that time, and at the next page in any case.
 */
const STATUS_TTL_MS = 250;
const statusSeen = new Map<string, { status: string; atMs: number }>();

async function batchStatus(batchId: string, deps: Pick<PayoutDeps, 'store' | 'clock'>): Promise<string> {
  const now = deps.clock.now().getTime();
  const seen = statusSeen.get(batchId);
  if (seen && now - seen.atMs < STATUS_TTL_MS) return seen.status;
  const status = (await deps.store.getBatch(batchId))?.status ?? 'missing';
  statusSeen.set(batchId, { status, atMs: now });
  if (statusSeen.size > 1_000) statusSeen.delete(statusSeen.keys().next().value as string);
  return status;
}

/** Pays one item at most once. Checks the batch first: a paused or canceled batch pays nothing more. */
export async function payItem(batchId: string, itemId: string, deps: PayoutDeps): Promise<ItemOutcome> {
  if ((await batchStatus(batchId, deps)) !== 'running') return { item_id: itemId, result: 'skipped' };
  const now = () => deps.clock.now().toISOString();
  const claim = await deps.store.claimItem(itemId, now());
  if (claim.result === 'done' || claim.result === 'missing') return { item_id: itemId, result: 'already_done' };
  // 'processing' = a previous attempt (crash, restart, retry) may have reached the PSP: the same
  // PSP id makes the second call a replay of the first, never a second transfer.
  const item = claim.item;
  if (!item?.sealedKey) return { item_id: itemId, result: 'already_done' };
  let payout: PixPayout;
  try {
    const key = await deps.vault.open(item.sealedKey, keyContext(item.merchantId, item.id));
    payout = await deps.psp.sendPayout({ id: pspPayoutId(item.id), amount: item.amount, key, description: `Payout ${item.reference}`.slice(0, 140) });
  } catch (e) {
    if (e instanceof PixPspError && e.retryable) throw new TransientError(`PSP ${e.code}`);
    if (e instanceof PixPspError) return settle(item, { code: 'rejected_by_psp', message: `the PSP refused the transfer (${e.code})` }, deps);
    throw e;
  }
  if (payout.status === 'processing') throw new PayoutPendingError('the PSP is still processing the transfer');
  if (payout.status === 'failed') {
    return settle(item, { code: payout.failureCode === 'key_not_found' ? 'key_not_found' : 'rejected_by_psp', message: payout.failureReason ?? 'rejected by the PSP' }, deps);
  }
  const won = await deps.store.settleItem(itemId, { status: 'paid', paidAt: now(), ...(payout.endToEndId ? { endToEndId: payout.endToEndId } : {}) }, now());
  if (won) await deps.store.addCounts(batchId, { succeeded: 1 }, now());
  return { item_id: itemId, result: 'paid' };
}

async function settle(item: StoredPayoutItem, failure: PayoutFailure, deps: PayoutDeps): Promise<ItemOutcome> {
  const at = deps.clock.now().toISOString();
  const won = await deps.store.settleItem(item.id, { status: 'failed', failure }, at);
  if (won) await deps.store.addCounts(item.batchId, { failed: 1 }, at);
  return { item_id: item.id, result: 'failed' };
}

/**
 * Ends a run: a canceled batch cancels its pending items; every paid item gets its ledger entry
 * (deterministic id: a second finalize posts nothing new); the counts are recounted from the items
 * (the progress counters are only progress) and the batch's final state and `payout.batch.completed`
 * are written in one transaction.
 */
export async function finalize(batchId: string, deps: PayoutDeps): Promise<{ status: string }> {
  const batch = await deps.store.getBatch(batchId);
  if (!batch) return { status: 'missing' };
  if (batch.status !== 'running' && batch.status !== 'canceled') return { status: batch.status };
  const at = deps.clock.now();
  if (batch.status === 'canceled') await deps.store.cancelPendingItems(batchId, at.toISOString());
  const paid: StoredPayoutItem[] = [];
  const items: StoredPayoutItem[] = [];
  for await (const i of deps.store.allItems(batchId)) { items.push(i); if (i.status === 'paid') paid.push(i); }
  const t = tally(items);
  if (t.open > 0) {
    if (batch.status === 'canceled') throw new PayoutsUnresolvedError(`${t.open} items are still processing at the PSP; the canceled batch completes once they settle`);
    throw new PayoutsUnresolvedError(`${t.open} items are still open after the run`);
  }
  await postLedger(paid, at, deps);
  const status = batch.status === 'canceled' ? 'canceled' : finalStatus(t);
  const final = { status, succeeded: t.succeeded, failed: t.failed, canceled: t.canceled } as const;
  const view = batchView({ ...batch, ...final, updated: at.toISOString(), completedAt: at.toISOString() });
  const event = buildEvent({ type: 'payout.batch.completed', merchantId: batch.merchantId, object: view, at, dedupeKey: batchId });
  await deps.store.completeBatch(batchId, ['running', 'canceled'], final, event, at.toISOString());
  deps.log?.('info', 'payout batch completed', { batchId, status, succeeded: t.succeeded, failed: t.failed, canceled: t.canceled });
  return { status };
}

async function postLedger(paid: readonly StoredPayoutItem[], at: Date, deps: Pick<PayoutDeps, 'ledger'>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paid.length) {
      const i = paid[next++]!;
      await deps.ledger.post(payoutEntry({ payoutItemId: i.id, merchantId: i.merchantId, amount: i.amount, currency: i.currency, createdAt: i.paidAt ?? at.toISOString(), description: `Payout ${i.reference}` }));
    }
  };
  await Promise.all(Array.from({ length: LEDGER_CONCURRENCY }, worker));
}
