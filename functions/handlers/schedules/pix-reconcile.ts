/** Schedule: reconciles the last `window_minutes` (default 120) of received Pix with the ledger. */
import { reconcilePix, type PixReconciliationReport } from '../../app/pix/reconcile.js';
import { clock } from '../root.js';
import { pixDeps } from '../root-pix.js';

export const handler = async (input: { window_minutes?: number } = {}): Promise<PixReconciliationReport> => {
  const to = clock.now();
  return reconcilePix({ from: new Date(to.getTime() - (input.window_minutes ?? 120) * 60_000), to }, pixDeps());
};
