/**
 * Builders for every journal entry the platform posts. Each derives its id from the business
 * event ({@link entryId}) so a retried step lands on the same id and cannot post twice, and each
 * returns a validated entry. Amounts are positive minor units; the builder picks the signs
 * (debit +, credit −, see types.ts).
 */
import { ACCOUNTS, processorReceivable } from './accounts.js';
import { entryId } from './entry-id.js';
import { InvalidEntryError } from './errors.js';
import type { JournalEntry, Posting } from './types.js';
import { validateEntry } from './validate.js';

interface Common {
  readonly merchantId: string;
  readonly amount: number;
  readonly createdAt: string;
  readonly description?: string;
}

export interface CardCaptureInput extends Common {
  readonly paymentId: string;
  /** Connector that captured it (`stripe`, `adyen`, a sandbox acquirer id). */
  readonly psp: string;
  readonly currency: string;
  /** Processor fee in the same currency, when the processor reports it at capture. */
  readonly fee?: number;
}

export interface CardRefundInput extends Common {
  readonly refundId: string;
  readonly paymentId: string;
  readonly psp: string;
  readonly currency: string;
}

export interface PixCreditInput extends Common {
  readonly paymentId: string;
  /** The Pix's endToEndId: unique per Pix, so a duplicate webhook maps to the same entry. */
  readonly endToEndId: string;
  readonly fee?: number;
}

export interface PixDevolucaoInput extends Common {
  readonly refundId: string;
  readonly endToEndId: string;
}

export interface PayoutInput extends Common {
  readonly payoutItemId: string;
  readonly currency: string;
}

const PIX_CURRENCY = 'brl';

function positive(amount: number, what: string, id: string): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new InvalidEntryError('invalid_amount', `${what} must be a positive integer in minor units`, id);
  }
}

/** Fee postings (fees debit / `from` credit), omitted when there is no fee. */
function feePostings(fee: number | undefined, amount: number, from: string, currency: string, id: string): Posting[] {
  if (fee === undefined || fee === 0) return [];
  if (!Number.isSafeInteger(fee) || fee < 0 || fee > amount) {
    throw new InvalidEntryError('invalid_amount', 'fee must be an integer between 0 and the amount', id);
  }
  return [
    { account: ACCOUNTS.fees, currency, amount: fee },
    { account: from, currency, amount: -fee },
  ];
}

/**
 * Card capture: the processor owes us the gross (`processor_receivable:<psp>` debit) and we owe
 * the merchant the gross (`merchant_payable` credit). A known fee is taken from the receivable
 * (`fees` debit / receivable credit), so the receivable matches the processor's net payout.
 */
export function cardCaptureEntry(input: CardCaptureInput): JournalEntry {
  const id = entryId('card_capture', input.paymentId);
  positive(input.amount, 'amount', id);
  const receivable = processorReceivable(input.psp);
  const { currency, amount } = input;
  return validateEntry({
    id,
    merchantId: input.merchantId,
    createdAt: input.createdAt,
    description: input.description ?? `Card capture of ${input.paymentId} via ${input.psp}`,
    reference: { type: 'payment', id: input.paymentId },
    postings: [
      { account: receivable, currency, amount },
      { account: ACCOUNTS.merchantPayable, currency, amount: -amount },
      ...feePostings(input.fee, amount, receivable, currency, id),
    ],
  });
}

/**
 * Card refund: the money goes back to the payer out of the processor receivable (credit), and
 * the `refunds` contra account records it against the merchant (debit). What we owe the merchant
 * is `-(merchant_payable + refunds)`.
 */
export function cardRefundEntry(input: CardRefundInput): JournalEntry {
  const id = entryId('card_refund', input.refundId);
  positive(input.amount, 'amount', id);
  const { currency, amount } = input;
  return validateEntry({
    id,
    merchantId: input.merchantId,
    createdAt: input.createdAt,
    description: input.description ?? `Refund ${input.refundId} of ${input.paymentId} via ${input.psp}`,
    reference: { type: 'refund', id: input.refundId },
    postings: [
      { account: ACCOUNTS.refunds, currency, amount },
      { account: processorReceivable(input.psp), currency, amount: -amount },
    ],
  });
}

/**
 * Pix received (confirmed with the PSP): it sits in `pix_settlement` (debit) and is owed to the
 * merchant (`merchant_payable` credit). Keyed by endToEndId: duplicate or out-of-order webhooks
 * land on the same entry.
 */
export function pixCreditEntry(input: PixCreditInput): JournalEntry {
  const id = entryId('pix_credit', input.endToEndId);
  positive(input.amount, 'amount', id);
  const { amount } = input;
  return validateEntry({
    id,
    merchantId: input.merchantId,
    createdAt: input.createdAt,
    description: input.description ?? `Pix ${input.endToEndId} for ${input.paymentId}`,
    reference: { type: 'pix', id: input.endToEndId },
    postings: [
      { account: ACCOUNTS.pixSettlement, currency: PIX_CURRENCY, amount },
      { account: ACCOUNTS.merchantPayable, currency: PIX_CURRENCY, amount: -amount },
      ...feePostings(input.fee, amount, ACCOUNTS.pixSettlement, PIX_CURRENCY, id),
    ],
  });
}

/** Pix devolução (a Pix refund): out of `pix_settlement` (credit), recorded in `refunds` (debit). */
export function pixDevolucaoEntry(input: PixDevolucaoInput): JournalEntry {
  const id = entryId('pix_devolucao', input.refundId);
  positive(input.amount, 'amount', id);
  const { amount } = input;
  return validateEntry({
    id,
    merchantId: input.merchantId,
    createdAt: input.createdAt,
    description: input.description ?? `Pix devolução ${input.refundId} of ${input.endToEndId}`,
    reference: { type: 'refund', id: input.refundId },
    postings: [
      { account: ACCOUNTS.refunds, currency: PIX_CURRENCY, amount },
      { account: ACCOUNTS.pixSettlement, currency: PIX_CURRENCY, amount: -amount },
    ],
  });
}

/** Payout of one batch item: we owe the merchant less (`merchant_payable` debit), in flight (`payout_clearing` credit). */
export function payoutEntry(input: PayoutInput): JournalEntry {
  const id = entryId('payout', input.payoutItemId);
  positive(input.amount, 'amount', id);
  const { currency, amount } = input;
  return validateEntry({
    id,
    merchantId: input.merchantId,
    createdAt: input.createdAt,
    description: input.description ?? `Payout item ${input.payoutItemId}`,
    reference: { type: 'payout_item', id: input.payoutItemId },
    postings: [
      { account: ACCOUNTS.merchantPayable, currency, amount },
      { account: ACCOUNTS.payoutClearing, currency, amount: -amount },
    ],
  });
}

/** The deterministic id of the reversal of `entry` (a compensation retried twice reverses once). */
export function reversalEntryId(entry: JournalEntry): string {
  return entryId('reversal', entry.id);
}

/**
 * The entry that undoes `entry`: every posting negated, referencing the original. Journal entries
 * are immutable, so a compensation (saga step undone) posts this instead of deleting anything.
 *
 * @param id usually {@link reversalEntryId}(entry)
 * @param createdAt when the reversal happens (the core has no clock)
 */
export function reverseEntry(entry: JournalEntry, id: string, createdAt: string): JournalEntry {
  return validateEntry({
    id,
    merchantId: entry.merchantId,
    createdAt,
    description: `Reversal of ${entry.id}: ${entry.description}`,
    reference: { type: 'journal_entry', id: entry.id },
    postings: entry.postings.map((p) => ({ account: p.account, currency: p.currency, amount: -p.amount })),
  });
}
