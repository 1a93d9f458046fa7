import fc from 'fast-check';
import type { JournalEntry, Posting } from '../../../functions/core/ledger/index.js';

const ACCOUNTS = ['merchant_payable', 'fees', 'refunds', 'pix_settlement', 'payout_clearing', 'processor_receivable:stripe'];

/** Balanced entries: 1..5 legs, each a debit and a credit of the same positive amount. */
export const balancedEntry: fc.Arbitrary<JournalEntry> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `le_${s}`),
    legs: fc.array(
      fc.record({
        debit: fc.constantFrom(...ACCOUNTS),
        credit: fc.constantFrom(...ACCOUNTS),
        currency: fc.constantFrom('brl', 'usd', 'jpy', 'kwd'),
        amount: fc.integer({ min: 1, max: 99_999_999_999 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ id, legs }) => ({
    id,
    merchantId: 'mer_1',
    createdAt: '2026-11-22T10:00:00.000Z',
    description: 'generated',
    reference: { type: 'test', id },
    postings: legs.flatMap((l): Posting[] => [
      { account: l.debit, currency: l.currency, amount: l.amount },
      { account: l.credit, currency: l.currency, amount: -l.amount },
    ]),
  }));
