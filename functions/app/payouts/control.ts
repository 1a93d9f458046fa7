/**
 * Pause, resume, cancel (POST /v1/payouts/batches/{id}/pause|resume|cancel), scheduled starts and
 * the sweep that resumes batches whose execution is gone (a local runtime restart, a failed run).
 */
import { AppError, notFound } from '../../core/errors.js';
import { assertControlAllowed, type PayoutBatch, type PayoutControl } from '../../core/payouts/index.js';
import { buildEvent } from '../events.js';
import type { PayoutDeps } from './deps.js';

type Deps = Pick<PayoutDeps, 'store' | 'runner' | 'clock'>;

async function run(batch: PayoutBatch, deps: Deps): Promise<void> {
  const ref = await deps.runner.start(batch.id, batch.merchantId, batch.runs);
  await deps.store.setExecutionRef(batch.id, ref, deps.clock.now().toISOString());
}

export async function controlPayoutBatch(merchantId: string, batchId: string, action: PayoutControl, deps: Deps): Promise<PayoutBatch> {
  const batch = await deps.store.getBatch(batchId, merchantId);
  if (!batch) throw notFound('payout batch');
  assertControlAllowed(batch, action);
  const now = deps.clock.now().toISOString();
  if (action === 'resume') {
    const b = await deps.store.beginRun(batchId, ['paused'], now, batch.runs);
    if (!b) throw new AppError('invalid_state', 'The payout batch changed meanwhile; retry');
    await run(b, deps);
    return b;
  }
  const to = action === 'pause' ? 'paused' : 'canceled';
  const b = await deps.store.transition(batchId, action === 'pause' ? ['scheduled', 'running'] : ['scheduled', 'running', 'paused'], to, now);
  if (!b) throw new AppError('invalid_state', 'The payout batch changed meanwhile; retry');
  // A canceled batch that no execution is working on gets one run to finalize it (cancel pending
  // items, ledger for the paid ones, payout.batch.completed).
  if (action === 'cancel' && batch.status !== 'running') {
    const r = await deps.store.beginRun(batchId, ['canceled'], now, b.runs);
    if (r) await run(r, deps);
  }
  return b;
}

/** The one-off schedule's target: starts a scheduled batch (no-op if it was paused or canceled meanwhile). */
export async function startScheduledBatch(batchId: string, deps: Deps): Promise<'started' | 'skipped'> {
  const batch = await deps.store.getBatch(batchId);
  if (batch?.status !== 'scheduled') return 'skipped';
  const b = await deps.store.beginRun(batchId, ['scheduled'], deps.clock.now().toISOString(), batch.runs);
  if (!b) return 'skipped';
  await run(b, deps);
  return 'started';
}

/**
 * Resumes every batch that should be running but whose execution is not (restart, failure), and
 * starts scheduled batches whose schedule was missed. A resumed run re-scans `pending` AND
 * `processing` items; the PSP id per item makes re-driving a `processing` one a replay.
 */
export async function sweepPayoutBatches(deps: Deps): Promise<{ resumed: string[] }> {
  const resumed: string[] = [];
  const now = deps.clock.now();
  for (const batch of await deps.store.activeBatches()) {
    if (batch.status === 'scheduled' && batch.scheduledFor && Date.parse(batch.scheduledFor) <= now.getTime() - 60_000) {
      if ((await startScheduledBatch(batch.id, deps)) === 'started') resumed.push(batch.id);
      continue;
    }
    const stuckCancel = batch.status === 'canceled' && batch.completedAt === undefined;
    if (batch.status !== 'running' && !stuckCancel) continue;
    if (batch.executionRef && (await deps.runner.isRunning(batch.executionRef))) continue;
    const b = await deps.store.beginRun(batch.id, [batch.status], now.toISOString(), batch.runs);
    if (!b) continue;
    await run(b, deps);
    resumed.push(batch.id);
  }
  return { resumed };
}

/**
 * A batch execution failed for good (retries exhausted): one log line, one `workflow.failed`
 * event (the CloudWatch alarm on the state machine's failed executions covers AWS). The batch
 * stays `running`: the next sweep resumes it.
 */
export async function recordWorkflowFailure(batchId: string, error: { Error?: string; Cause?: string }, deps: Pick<PayoutDeps, 'store' | 'clock' | 'log'>): Promise<void> {
  const batch = await deps.store.getBatch(batchId);
  const at = deps.clock.now();
  deps.log?.('error', 'payout batch workflow failed', { batchId, error: error.Error ?? 'unknown' });
  if (!batch) return;
  const failure = { object: 'workflow_failure', id: `wf_${batchId}_${batch.runs}`, workflow: 'payout-batch', subject_id: batchId, error: error.Error ?? 'unknown', cause: (error.Cause ?? '').slice(0, 500) };
  await deps.store.emit(buildEvent({ type: 'workflow.failed', merchantId: batch.merchantId, object: failure, at, dedupeKey: `${batchId}:${batch.runs}` }));
}
