import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidEntryError,
  balancesFrom,
  cardCaptureEntry,
  cardRefundEntry,
  entryId,
  payoutEntry,
  pixCreditEntry,
  pixDevolucaoEntry,
  reversalEntryId,
  reverseEntry,
  sameEffect,
  validateEntry,
} from '../../../functions/core/ledger/index.js';
import { balancedEntry } from './arbitraries.js';

const at = '2026-11-22T10:00:00.000Z';
const m = 'mer_1';

describe('entry builders', () => {
  it('card capture: receivable debit, merchant_payable credit, id from the payment', () => {
    const e = cardCaptureEntry({ merchantId: m, paymentId: 'pay_1', psp: 'stripe', amount: 1990, currency: 'brl', createdAt: at });
    expect(e.id).toBe(entryId('card_capture', 'pay_1'));
    expect(e.reference).toEqual({ type: 'payment', id: 'pay_1' });
    expect(e.postings).toEqual([
      { account: 'processor_receivable:stripe', currency: 'brl', amount: 1990 },
      { account: 'merchant_payable', currency: 'brl', amount: -1990 },
    ]);
  });

  it('card capture with a fee takes the fee from the receivable, which then equals the processor’s net', () => {
    const e = cardCaptureEntry({ merchantId: m, paymentId: 'pay_1', psp: 'adyen', amount: 10_000, currency: 'usd', fee: 320, createdAt: at });
    expect(balancesFrom([e])).toEqual([
      { account: 'fees', currency: 'usd', amount: 320 },
      { account: 'merchant_payable', currency: 'usd', amount: -10_000 },
      { account: 'processor_receivable:adyen', currency: 'usd', amount: 9_680 },
    ]);
  });

  it('refuses a fee above the amount, a negative fee and a non-positive amount', () => {
    const input = { merchantId: m, paymentId: 'pay_1', psp: 'stripe', amount: 100, currency: 'brl', createdAt: at };
    expect(() => cardCaptureEntry({ ...input, fee: 101 })).toThrow(InvalidEntryError);
    expect(() => cardCaptureEntry({ ...input, fee: -1 })).toThrow(InvalidEntryError);
    expect(() => cardCaptureEntry({ ...input, amount: 0 })).toThrow(InvalidEntryError);
    expect(() => payoutEntry({ merchantId: m, payoutItemId: 'poi_1', amount: -5, currency: 'brl', createdAt: at })).toThrow(InvalidEntryError);
  });

  it('card refund: refunds debit, receivable credit, id from the refund', () => {
    const e = cardRefundEntry({ merchantId: m, refundId: 're_1', paymentId: 'pay_1', psp: 'stripe', amount: 500, currency: 'brl', createdAt: at });
    expect(e.id).toBe(entryId('card_refund', 're_1'));
    expect(e.postings).toEqual([
      { account: 'refunds', currency: 'brl', amount: 500 },
      { account: 'processor_receivable:stripe', currency: 'brl', amount: -500 },
    ]);
  });

  it('Pix credit: pix_settlement debit, merchant_payable credit in BRL, keyed by endToEndId', () => {
    const e = pixCreditEntry({ merchantId: m, paymentId: 'pay_p', endToEndId: 'E12345678202611221000abcdefghijk', amount: 1050, createdAt: at });
    expect(e.id).toBe(entryId('pix_credit', 'E12345678202611221000abcdefghijk'));
    expect(e.reference).toEqual({ type: 'pix', id: 'E12345678202611221000abcdefghijk' });
    expect(e.postings).toEqual([
      { account: 'pix_settlement', currency: 'brl', amount: 1050 },
      { account: 'merchant_payable', currency: 'brl', amount: -1050 },
    ]);
  });

  it('Pix devolução: refunds debit, pix_settlement credit', () => {
    const e = pixDevolucaoEntry({ merchantId: m, refundId: 're_p', endToEndId: 'E1', amount: 300, createdAt: at });
    expect(e.postings).toEqual([
      { account: 'refunds', currency: 'brl', amount: 300 },
      { account: 'pix_settlement', currency: 'brl', amount: -300 },
    ]);
  });

  it('payout: merchant_payable debit, payout_clearing credit, id from the payout item', () => {
    const e = payoutEntry({ merchantId: m, payoutItemId: 'poi_1', amount: 7000, currency: 'brl', createdAt: at });
    expect(e.id).toBe(entryId('payout', 'poi_1'));
    expect(e.postings).toEqual([
      { account: 'merchant_payable', currency: 'brl', amount: 7000 },
      { account: 'payout_clearing', currency: 'brl', amount: -7000 },
    ]);
  });

  it('a full Pix life cycle (credit, devolução, payout) nets what the merchant is owed', () => {
    const entries = [
      pixCreditEntry({ merchantId: m, paymentId: 'pay_p', endToEndId: 'E1', amount: 10_000, fee: 99, createdAt: at }),
      pixDevolucaoEntry({ merchantId: m, refundId: 're_p', endToEndId: 'E1', amount: 1_000, createdAt: at }),
      payoutEntry({ merchantId: m, payoutItemId: 'poi_p', amount: 5_000, currency: 'brl', createdAt: at }),
    ];
    const b = Object.fromEntries(balancesFrom(entries).map((x) => [x.account, x.amount]));
    expect(b).toEqual({ fees: 99, merchant_payable: -5_000, payout_clearing: -5_000, pix_settlement: 8_901, refunds: 1_000 });
  });

  it('property: a reversal negates every posting, references the original and cancels it in the fold', () => {
    fc.assert(
      fc.property(balancedEntry, (e) => {
        const r = reverseEntry(e, reversalEntryId(e), '2026-11-23T00:00:00.000Z');
        expect(validateEntry(r)).toBe(r);
        expect(r.reference).toEqual({ type: 'journal_entry', id: e.id });
        expect(r.postings.map((p) => p.amount)).toEqual(e.postings.map((p) => -p.amount));
        expect(balancesFrom([e, r]).every((b) => b.amount === 0)).toBe(true);
      }),
    );
  });

  it('reversing a reversal restores the original effect', () => {
    const e = cardCaptureEntry({ merchantId: m, paymentId: 'pay_1', psp: 'stripe', amount: 100, currency: 'brl', createdAt: at });
    const back = reverseEntry(reverseEntry(e, 'le_r', at), e.id, at);
    expect(sameEffect(back, e)).toBe(true);
  });
});
