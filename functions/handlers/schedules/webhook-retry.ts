/** Schedule: retries merchant webhook deliveries whose next attempt is due. */
import { retryDueDeliveries } from '../../app/webhooks.js';
import { webhookDeps } from '../root.js';

export const handler = async (): Promise<{ retried: number }> => ({ retried: await retryDueDeliveries(webhookDeps()) });
