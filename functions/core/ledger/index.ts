export type { Balance, EntryReference, JournalEntry, Posting } from './types.js';
export { InvalidEntryError, LedgerConflictError, type InvalidEntryReason } from './errors.js';
export { MAX_POSTINGS, validateEntry } from './validate.js';
export { entryId } from './entry-id.js';
export { ACCOUNTS, processorReceivable } from './accounts.js';
export { balanceKey, balancesFrom, netPostings, sameEffect, sortBalances, totalsByCurrency } from './balances.js';
export {
  cardCaptureEntry,
  cardRefundEntry,
  payoutEntry,
  pixCreditEntry,
  pixDevolucaoEntry,
  reversalEntryId,
  reverseEntry,
  type CardCaptureInput,
  type CardRefundInput,
  type PayoutInput,
  type PixCreditInput,
  type PixDevolucaoInput,
} from './builders.js';
