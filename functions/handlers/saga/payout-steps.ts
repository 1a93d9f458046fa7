/** The payout batch workflow's Task handler (statemachines/payout-batch.asl.json). */
import { recordWorkflowFailure } from '../../app/payouts/control.js';
import { finalize, loadPage, payItem } from '../../app/payouts/run-batch.js';
import { payoutDeps } from '../root-payouts.js';

export type PayoutStepEvent =
  | { step: 'load_page'; batch_id: string; cursor?: string | null }
  | { step: 'pay_item'; batch_id: string; item_id: string }
  | { step: 'finalize'; batch_id: string }
  | { step: 'record_failure'; batch_id: string; error?: { Error?: string; Cause?: string } };

export const handler = async (e: PayoutStepEvent): Promise<unknown> => {
  switch (e.step) {
    case 'load_page':
      return loadPage(e.batch_id, e.cursor ?? null, payoutDeps());
    case 'pay_item':
      return payItem(e.batch_id, e.item_id, payoutDeps());
    case 'finalize':
      return finalize(e.batch_id, payoutDeps());
    case 'record_failure':
      await recordWorkflowFailure(e.batch_id, e.error ?? {}, payoutDeps());
      return { recorded: true };
  }
};
