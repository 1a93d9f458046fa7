/**
 * Typed errors of the ledger core. Both mean a bug upstream (a use case built a bad entry, or
 * re-used an entry id for different money), never a client mistake: the edge turns them into a
 * generic 500, and nothing is written.
 */

export type InvalidEntryReason =
  | 'too_few_postings'
  | 'too_many_postings'
  | 'zero_posting'
  | 'invalid_amount'
  | 'unsupported_currency'
  | 'unbalanced'
  | 'invalid_account'
  | 'invalid_field';

/** An entry that breaks a ledger invariant; `reason` says which one. */
export class InvalidEntryError extends Error {
  override readonly name = 'InvalidEntryError';
  constructor(
    readonly reason: InvalidEntryReason,
    message: string,
    readonly entryId?: string,
  ) {
    super(message);
  }
}

/**
 * An entry id that is already in the ledger with different postings (or another merchant). The
 * id is derived from the business event, so this means two different amounts were computed for
 * the same event: the stored entry wins and the caller must investigate, not retry.
 */
export class LedgerConflictError extends Error {
  override readonly name = 'LedgerConflictError';
  constructor(readonly entryId: string) {
    super(`journal entry ${entryId} is already posted with different postings`);
  }
}
