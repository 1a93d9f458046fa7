/**
 * Every payment ends in a final state (DESIGN.md §8), even when the process running its saga died
 * and the client never retried: a schedule resumes card payments left `processing` past the
 * saga's own timeout. Resuming is safe for the same reasons a client retry is: the attempt was
 * written ahead, processor calls reuse derived keys, ledger and event ids are derived, and every
 * write is conditional on the version it read.
 */
import type { PaymentStore } from './ports/payment-store.js';
import type { PaymentWorkflow } from './ports/payment-workflow.js';
import type { Clock } from './ports/system.js';

/** Longer than the payment state machine's TimeoutSeconds (120 s): no live execution is left. */
export const STALE_AFTER_MS = 5 * 60_000;

export async function resumeStalePayments(
  deps: { payments: PaymentStore; workflow: PaymentWorkflow; clock: Clock; onError?: (paymentId: string, err: unknown) => void },
  limit = 25,
): Promise<{ resumed: number; failed: number }> {
  const before = new Date(deps.clock.now().getTime() - STALE_AFTER_MS).toISOString();
  const stale = await deps.payments.listProcessingSince(before, limit);
  let resumed = 0;
  let failed = 0;
  for (const payment of stale) {
    try {
      await deps.workflow.run({ payment });
      resumed++;
    } catch (err) {
      failed++;
      deps.onError?.(payment.id, err);
    }
  }
  return { resumed, failed };
}
