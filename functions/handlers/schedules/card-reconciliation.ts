/** Schedule: reconcile the card processors' records of the last `lookback_hours` with the ledger. */
import { reconcileCards } from '../../app/agents/reconcile-cards.js';
import { log } from '../log.js';
import { clock } from '../root.js';
import { eventOutbox } from '../root-agents.js';
import { ledgerRecords, reconciliationReports, recordSources } from '../root-reconciliation.js';

export const handler = async (input: { lookback_hours?: number } = {}): Promise<{ report_id: string; matched: number; discrepancies: number }> => {
  const to = clock.now();
  const from = new Date(to.getTime() - (input.lookback_hours ?? 24) * 3_600_000);
  const r = await reconcileCards({ from, to }, { sources: recordSources(), ledger: ledgerRecords(), outbox: eventOutbox(), reports: reconciliationReports(), now: to });
  log.info('card reconciliation', { report: r.id, matched: r.matched, discrepancies: r.discrepancies.total });
  return { report_id: r.id, matched: r.matched, discrepancies: r.discrepancies.total };
};
