/**
 * Errors the payout Task throws on purpose: their `name` is the Step Functions error name the ASL
 * retries or catches (statemachines/payout-batch.asl.json), so keep them in sync.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}
/** The PSP accepted the transfer but has not settled it yet: retried with backoff. */
export class PayoutPendingError extends Error {
  override readonly name = 'PayoutPending';
}
/** Items still `processing` at the end of a run (the PSP never answered): the run fails, the sweep resumes it. */
export class PayoutsUnresolvedError extends Error {
  override readonly name = 'PayoutsUnresolved';
}
