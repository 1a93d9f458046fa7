/**
 * Account names in each merchant's books (DESIGN.md §4). Debit-positive balances: assets
 * (receivables, settlement) end positive; what we owe the merchant (`merchant_payable`) ends negative.
 */
export const ACCOUNTS = {
  /** What we owe the merchant for captured/settled payments (credit = we owe more). */
  merchantPayable: 'merchant_payable',
  /** Processing fees taken from the gross by the processor. */
  fees: 'fees',
  /** Money returned to payers (card refunds, Pix devoluções); a contra account of `merchant_payable`. */
  refunds: 'refunds',
  /** Pix received at our PSP and not yet paid out. */
  pixSettlement: 'pix_settlement',
  /** Payouts sent to the merchant's destination and not yet confirmed settled. */
  payoutClearing: 'payout_clearing',
} as const;

/** What a card processor owes us for captured payments: `processor_receivable:<psp>`. */
export function processorReceivable(psp: string): string {
  return `processor_receivable:${psp}`;
}
