import { ACCOUNTS } from '../ledger/accounts.js';
import type { JournalEntry } from '../ledger/types.js';
import type { LedgerRecord } from './types.js';

const RECEIVABLE = 'processor_receivable:';

/**
 * The reconciliation view of a card capture entry (core/ledger `cardCaptureEntry`): the source is
 * the processor of its receivable account, the amount is the gross owed to the merchant (the
 * `merchant_payable` credit), whatever fee was netted from the receivable. Any other entry →
 * `undefined` (refunds and Pix have their own views).
 */
export function cardCaptureRecord(e: JournalEntry): LedgerRecord | undefined {
  if (e.reference.type !== 'payment') return undefined;
  const receivable = e.postings.find((p) => p.account.startsWith(RECEIVABLE) && p.amount > 0);
  const payable = e.postings.find((p) => p.account === ACCOUNTS.merchantPayable && p.amount < 0);
  if (!receivable || !payable) return undefined;
  return {
    entry_id: e.id, source: receivable.account.slice(RECEIVABLE.length), reference: e.reference.id,
    amount: -payable.amount, currency: payable.currency, at: Date.parse(e.createdAt), merchant_id: e.merchantId,
  };
}
