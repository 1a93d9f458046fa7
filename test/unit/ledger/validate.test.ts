import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidEntryError, MAX_POSTINGS, validateEntry, type JournalEntry, type Posting } from '../../../functions/core/ledger/index.js';
import { balancedEntry } from './arbitraries.js';

const base = (postings: Posting[], over: Partial<JournalEntry> = {}): JournalEntry => ({
  id: 'le_1',
  merchantId: 'mer_1',
  createdAt: '2026-11-22T10:00:00.000Z',
  description: 'd',
  reference: { type: 'payment', id: 'pay_1' },
  postings,
  ...over,
});
const ok: Posting[] = [
  { account: 'processor_receivable:stripe', currency: 'brl', amount: 100 },
  { account: 'merchant_payable', currency: 'brl', amount: -100 },
];

function reasonOf(entry: JournalEntry): string | undefined {
  try {
    validateEntry(entry);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidEntryError);
    return (e as InvalidEntryError).reason;
  }
}

describe('validateEntry', () => {
  it('accepts a balanced two-posting entry and returns it', () => {
    const e = base(ok);
    expect(validateEntry(e)).toBe(e);
  });

  it('refuses fewer than two postings', () => {
    expect(reasonOf(base([]))).toBe('too_few_postings');
    expect(reasonOf(base([ok[0]!]))).toBe('too_few_postings');
  });

  it(`refuses more than ${MAX_POSTINGS} postings and accepts exactly ${MAX_POSTINGS}`, () => {
    const many = (n: number): Posting[] => Array.from({ length: n }, (_, i) => ({ account: 'fees', currency: 'brl', amount: i % 2 === 0 ? 5 : -5 }));
    expect(reasonOf(base(many(MAX_POSTINGS)))).toBeUndefined();
    expect(reasonOf(base(many(MAX_POSTINGS + 2)))).toBe('too_many_postings');
  });

  it('refuses a zero posting even when the entry balances', () => {
    expect(reasonOf(base([...ok, { account: 'fees', currency: 'brl', amount: 0 }]))).toBe('zero_posting');
  });

  it('refuses fractional, unsafe, non-number and out-of-range amounts', () => {
    for (const amount of [1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '100' as unknown as number, 100_000_000_000]) {
      expect(reasonOf(base([{ account: 'fees', currency: 'brl', amount }, { account: 'merchant_payable', currency: 'brl', amount: -1 }]))).toBe('invalid_amount');
    }
  });

  it('refuses an unsupported or upper-case currency', () => {
    expect(reasonOf(base(ok.map((p) => ({ ...p, currency: 'xyz' }))))).toBe('unsupported_currency');
    expect(reasonOf(base(ok.map((p) => ({ ...p, currency: 'BRL' }))))).toBe('unsupported_currency');
  });

  it('balances per currency: a BRL debit is not balanced by a USD credit of the same number', () => {
    expect(reasonOf(base([{ account: 'fees', currency: 'brl', amount: 100 }, { account: 'merchant_payable', currency: 'usd', amount: -100 }]))).toBe('unbalanced');
  });

  it('refuses account names that would break the storage key (#, spaces, empty)', () => {
    for (const account of ['fees#brl', 'merchant payable', '', 'Fees', 'processor_receivable:']) {
      expect(reasonOf(base([{ ...ok[0]!, account }, ok[1]!]))).toBe('invalid_account');
    }
  });

  it('refuses a missing id, merchant, reference or a non-UTC createdAt', () => {
    expect(reasonOf(base(ok, { id: '' }))).toBe('invalid_field');
    expect(reasonOf(base(ok, { merchantId: '' }))).toBe('invalid_field');
    expect(reasonOf(base(ok, { reference: { type: 'payment', id: '' } }))).toBe('invalid_field');
    expect(reasonOf(base(ok, { createdAt: '2026-11-22T10:00:00-03:00' }))).toBe('invalid_field');
    expect(reasonOf(base(ok, { createdAt: 'yesterday' }))).toBe('invalid_field');
  });

  it('property: accepts every entry built from balanced legs', () => {
    fc.assert(
      fc.property(balancedEntry, (e) => {
        expect(validateEntry(e)).toBe(e);
      }),
    );
  });

  it('property: rejects every unbalanced entry (any posting shifted by any non-zero amount)', () => {
    fc.assert(
      fc.property(balancedEntry, fc.nat(), fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0), (e, pick, delta) => {
        const i = pick % e.postings.length;
        const postings = e.postings.map((p, k) => (k === i ? { ...p, amount: p.amount + delta } : p));
        // Shifting to exactly zero is refused as a zero posting: either way nothing unbalanced passes.
        expect(['unbalanced', 'zero_posting', 'invalid_amount']).toContain(reasonOf({ ...e, postings }));
      }),
    );
  });

  it('property: rejects an entry whose postings in one currency do not sum to zero, naming that currency', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }).filter((a) => a !== 0), { minLength: 2, maxLength: 10 }), (amounts) => {
        fc.pre(amounts.reduce((a, b) => a + b, 0) !== 0);
        const e = base(amounts.map((amount) => ({ account: 'fees', currency: 'usd', amount })));
        expect(() => validateEntry(e)).toThrow(/usd/);
      }),
    );
  });
});
