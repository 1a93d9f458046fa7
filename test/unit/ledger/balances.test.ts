import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancesFrom, netPostings, sameEffect, totalsByCurrency, type JournalEntry } from '../../../functions/core/ledger/index.js';
import { balancedEntry } from './arbitraries.js';

const e = (id: string, postings: JournalEntry['postings']): JournalEntry => ({
  id, merchantId: 'mer_1', createdAt: '2026-11-22T10:00:00.000Z', description: '', reference: { type: 't', id }, postings,
});

describe('balancesFrom', () => {
  it('sums per (account, currency), lists zero nets, and sorts by <account>#<currency>', () => {
    const b = balancesFrom([
      e('a', [{ account: 'fees', currency: 'usd', amount: 5 }, { account: 'merchant_payable', currency: 'usd', amount: -5 }]),
      e('b', [{ account: 'merchant_payable', currency: 'usd', amount: 5 }, { account: 'fees', currency: 'usd', amount: -5 }]),
      e('c', [{ account: 'fees', currency: 'brl', amount: 2 }, { account: 'fees_extra', currency: 'brl', amount: -2 }]),
    ]);
    expect(b).toEqual([
      { account: 'fees', currency: 'brl', amount: 2 },
      { account: 'fees', currency: 'usd', amount: 0 },
      { account: 'fees_extra', currency: 'brl', amount: -2 },
      { account: 'merchant_payable', currency: 'usd', amount: 0 },
    ]);
  });

  it('property: every currency of a fold of balanced entries sums to zero, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(balancedEntry, { maxLength: 20 }), (entries) => {
        const b = balancesFrom(entries);
        for (const total of totalsByCurrency(b).values()) expect(total).toBe(0);
        expect(balancesFrom([...entries].reverse())).toEqual(b);
      }),
    );
  });
});

describe('netPostings', () => {
  it('merges repeated accounts of one entry into one balance change each', () => {
    const n = netPostings(e('x', [
      { account: 'processor_receivable:stripe', currency: 'brl', amount: 100 },
      { account: 'merchant_payable', currency: 'brl', amount: -100 },
      { account: 'fees', currency: 'brl', amount: 3 },
      { account: 'processor_receivable:stripe', currency: 'brl', amount: -3 },
    ]));
    expect(n).toEqual([
      { account: 'fees', currency: 'brl', amount: 3 },
      { account: 'merchant_payable', currency: 'brl', amount: -100 },
      { account: 'processor_receivable:stripe', currency: 'brl', amount: 97 },
    ]);
  });
});

describe('sameEffect', () => {
  const a = e('x', [{ account: 'fees', currency: 'brl', amount: 3 }, { account: 'merchant_payable', currency: 'brl', amount: -3 }]);
  it('ignores posting order and description', () => {
    expect(sameEffect(a, { ...a, description: 'other', postings: [...a.postings].reverse() })).toBe(true);
  });
  it('tells apart another amount, merchant or id', () => {
    expect(sameEffect(a, e('x', [{ account: 'fees', currency: 'brl', amount: 4 }, { account: 'merchant_payable', currency: 'brl', amount: -4 }]))).toBe(false);
    expect(sameEffect(a, { ...a, merchantId: 'mer_2' })).toBe(false);
    expect(sameEffect(a, { ...a, id: 'y' })).toBe(false);
  });
});
