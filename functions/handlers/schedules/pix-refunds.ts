/** Schedule: settles pending Pix devoluções from their status at the PSP. */
import { pollPendingPixRefunds } from '../../app/pix/refunds.js';
import { pixDeps } from '../root-pix.js';

export const handler = async (): Promise<{ checked: number; settled: number }> => pollPendingPixRefunds(pixDeps());
