/**
 * Double-entry journal types.
 *
 * Sign convention: a posting's `amount` is a signed integer in the currency's minor unit
 * (money.ts). **Debit is positive, credit is negative.** An entry is balanced when, for every
 * currency, its postings sum to exactly zero — so a balance is "debits minus credits": asset
 * accounts (`processor_receivable:<psp>`, `pix_settlement`) carry positive balances, liability
 * accounts (`merchant_payable`, `payout_clearing`) carry negative ones.
 */

export interface Posting {
  /** Account name within the merchant's books, e.g. `merchant_payable`, `processor_receivable:stripe`. */
  readonly account: string;
  /** Lowercase ISO 4217 code (API.md). */
  readonly currency: string;
  /** Signed minor units: debit > 0, credit < 0, never 0. */
  readonly amount: number;
}

/** What business event caused an entry (a payment, refund, payout item, another entry…). */
export interface EntryReference {
  readonly type: string;
  readonly id: string;
}

/** An immutable journal entry. Its `id` is derived from the business event (see {@link entryId}). */
export interface JournalEntry {
  readonly id: string;
  readonly merchantId: string;
  /** RFC 3339 UTC (`…Z`); entries are listed per merchant in this order. */
  readonly createdAt: string;
  readonly description: string;
  readonly reference: EntryReference;
  readonly postings: readonly Posting[];
}

/** The running total of one account in one currency (debits minus credits). */
export interface Balance {
  readonly account: string;
  readonly currency: string;
  readonly amount: number;
}
