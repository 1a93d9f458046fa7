/** Schedule: expires unpaid Pix charges past `expires_at` (and credits any the PSP saw paid). */
import { expirePixCharges } from '../../app/pix/expiry.js';
import { pixDeps } from '../root-pix.js';

export const handler = async (): Promise<{ checked: number; expired: number }> => expirePixCharges(pixDeps());
