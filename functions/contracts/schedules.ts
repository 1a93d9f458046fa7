/**
 * Recurring schedules, declared once: CDK creates an EventBridge Scheduler schedule per entry
 * targeting the function; the local scheduler fires the same handler on the same rate.
 * Expressions use Scheduler syntax (`rate(…)` / `cron(…)`); locally only `rate` is interpreted
 * precisely and `cron` is approximated to its period.
 */
import type { FunctionId } from './functions.js';

export interface ScheduleDef {
  readonly id: string;
  readonly functionId: FunctionId;
  readonly expression: string;
  readonly description: string;
  readonly input: Record<string, unknown>;
}

export const SCHEDULES: readonly ScheduleDef[] = [
  {
    id: 'webhook-retry',
    functionId: 'WebhookRetry',
    expression: 'rate(1 minute)',
    description: 'Retry merchant webhook deliveries that are due (exponential backoff for 24 h)',
    input: {},
  },
  { id: 'payout-batch-sweep', functionId: 'PayoutBatchStart', expression: 'rate(1 minute)', description: 'Resume payout batches whose execution is gone (failed run, restarted local runtime) and start missed scheduled ones', input: { sweep: true } },
  {
    id: 'card-reconciliation',
    functionId: 'CardReconciliation',
    expression: 'rate(1 hour)',
    description: 'Match the card processors\' records of the last 24 h to the ledger; announce discrepancies',
    input: { lookback_hours: 24 },
  },
  { id: 'payment-sweeper', functionId: 'PaymentSweeper', expression: 'rate(1 minute)', description: 'Resume card payments left processing past the saga timeout (their process died and nobody retried)', input: {} },
  { id: 'pix-expiry', functionId: 'PixExpiry', expression: 'rate(1 minute)', description: 'Expire unpaid Pix charges past expires_at (payment.canceled, pix.charge.expired)', input: {} },
  { id: 'pix-refunds', functionId: 'PixRefunds', expression: 'rate(1 minute)', description: 'Settle pending Pix devoluções from the PSP status', input: {} },
  { id: 'subscription-renewals', functionId: 'SubscriptionRenewals', expression: 'rate(1 minute)', description: 'Renew due subscriptions: invoice each period once, charge it, schedule dunning retries', input: {} },
  { id: 'pix-reconcile', functionId: 'PixReconcile', expression: 'rate(1 hour)', description: 'Reconcile the PSP received Pix of the last window with the ledger', input: { window_minutes: 120 } },
];

/** Period in milliseconds of a `rate(n unit)` expression. */
export function rateToMs(expression: string): number | undefined {
  const m = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.replace(/s$/, '');
  return n * (unit === 'minute' ? 60_000 : unit === 'hour' ? 3_600_000 : 86_400_000);
}
