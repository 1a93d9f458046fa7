/**
 * Target of a batch's one-off schedule (`{ batch_id }`: start it) and of the recurring
 * `payout-batch-sweep` schedule (`{ sweep: true }`: resume batches whose execution is gone).
 */
import { startScheduledBatch, sweepPayoutBatches } from '../../app/payouts/control.js';
import { payoutApiDeps } from '../root-payouts.js';

export const handler = async (e: { batch_id?: string; sweep?: boolean }): Promise<unknown> => {
  if (e.batch_id) return { batch_id: e.batch_id, result: await startScheduledBatch(e.batch_id, payoutApiDeps()) };
  return sweepPayoutBatches(payoutApiDeps());
};
