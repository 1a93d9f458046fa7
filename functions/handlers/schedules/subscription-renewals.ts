/** Schedule: renews due subscriptions (invoice, charge, dunning). */
import { renewDueSubscriptions, type RenewalSummary } from '../../app/billing/renew.js';
import { log } from '../log.js';
import { billingDeps } from '../root-billing.js';

export const handler = async (): Promise<RenewalSummary> =>
  renewDueSubscriptions(billingDeps(), { onError: (id, err) => log.error('renewal failed', { subscription: id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }) });
