/**
 * The one behaviour every {@link Ledger} must have — run against the in-memory fake
 * (test/unit/adapters/memory-ledger.test.ts) and DynamoDB Local
 * (test/integration/dynamodb/ledger.test.ts). Each test uses its own merchant, so one table serves
 * the whole suite.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../functions/app/ports/ledger.js';
import {
  InvalidEntryError,
  LedgerConflictError,
  balancesFrom,
  cardCaptureEntry,
  cardRefundEntry,
  entryId,
  payoutEntry,
  reversalEntryId,
  reverseEntry,
  totalsByCurrency,
  type JournalEntry,
  type Posting,
} from '../../functions/core/ledger/index.js';

export interface LedgerContractOptions {
  /** fast-check runs of the interleaving property (each run posts up to ~30 times). */
  readonly propertyRuns: number;
  /** Receives the concurrency test's figures, for the report. */
  readonly report?: (line: string) => void;
  /** Optional request counter around the adapter's client: reset before, summarised after the concurrency test. */
  readonly probe?: { reset(): void; summary(): string };
}

const newMerchant = (): string => `mer_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const T0 = '2026-11-22T10:00:00.000Z';

function entry(merchantId: string, n: number, postings: Posting[], createdAt = T0): JournalEntry {
  return { id: entryId('test', `${merchantId}:${n}`), merchantId, createdAt, description: `test ${n}`, reference: { type: 'test', id: String(n) }, postings };
}

const pair = (debit: string, credit: string, amount: number, currency = 'brl'): Posting[] => [
  { account: debit, currency, amount },
  { account: credit, currency, amount: -amount },
];

/** A balanced entry as 1..4 legs (debit a / credit b, same amount), accounts may repeat. */
const entryShape = fc.record({
  legs: fc.array(
    fc.record({
      debit: fc.constantFrom('merchant_payable', 'fees', 'refunds', 'processor_receivable:stripe', 'pix_settlement'),
      credit: fc.constantFrom('merchant_payable', 'payout_clearing', 'processor_receivable:adyen', 'fees'),
      currency: fc.constantFrom('brl', 'usd', 'jpy'),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  createdAt: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((t) => new Date(t).toISOString()),
});

export function ledgerContract(name: string, factory: () => Promise<Ledger>, options: LedgerContractOptions): void {
  describe(`Ledger contract: ${name}`, () => {
    it('posts a valid entry once and returns it unchanged from getEntry', async () => {
      const ledger = await factory();
      const e = cardCaptureEntry({ merchantId: newMerchant(), paymentId: 'pay_1', psp: 'stripe', amount: 1990, currency: 'brl', createdAt: T0 });
      expect(await ledger.post(e)).toBe('posted');
      expect(await ledger.getEntry(e.id)).toEqual(e);
      expect(await ledger.getEntry('le_unknown')).toBeUndefined();
    });

    it('answers already_posted to a repeated post and moves no money the second time', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const e = cardCaptureEntry({ merchantId: m, paymentId: 'pay_2', psp: 'adyen', amount: 500, currency: 'usd', createdAt: T0 });
      await ledger.post(e);
      expect(await ledger.post(structuredClone(e))).toBe('already_posted');
      expect(await ledger.balances(m)).toEqual([
        { account: 'merchant_payable', currency: 'usd', amount: -500 },
        { account: 'processor_receivable:adyen', currency: 'usd', amount: 500 },
      ]);
    });

    it('treats the same postings in another order as the same entry', async () => {
      const ledger = await factory();
      const e = entry(newMerchant(), 1, pair('fees', 'merchant_payable', 10));
      await ledger.post(e);
      expect(await ledger.post({ ...e, postings: [...e.postings].reverse() })).toBe('already_posted');
    });

    it('refuses the same id with different postings as a conflict and keeps the stored entry', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const e = entry(m, 1, pair('processor_receivable:stripe', 'merchant_payable', 1000));
      await ledger.post(e);
      const other = { ...e, postings: pair('processor_receivable:stripe', 'merchant_payable', 999) };
      await expect(ledger.post(other)).rejects.toBeInstanceOf(LedgerConflictError);
      await expect(ledger.post({ ...e, merchantId: newMerchant() })).rejects.toBeInstanceOf(LedgerConflictError);
      expect(await ledger.getEntry(e.id)).toEqual(e);
      expect(await ledger.balances(m)).toEqual(balancesFrom([e]));
    });

    it('rejects an unbalanced entry with InvalidEntryError and writes nothing', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const bad = entry(m, 1, [
        { account: 'merchant_payable', currency: 'brl', amount: -100 },
        { account: 'fees', currency: 'brl', amount: 99 },
      ]);
      await expect(ledger.post(bad)).rejects.toMatchObject({ name: 'InvalidEntryError', reason: 'unbalanced' });
      expect(await ledger.getEntry(bad.id)).toBeUndefined();
      expect(await ledger.balances(m)).toEqual([]);
      expect(await ledger.listEntries(m)).toEqual([]);
    });

    it('rejects an entry of more than 40 postings before writing anything', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const postings = Array.from({ length: 21 }, (_, i) => pair(`processor_receivable:p${i}`, 'merchant_payable', 1)).flat();
      const big = entry(m, 1, postings);
      await expect(ledger.post(big)).rejects.toBeInstanceOf(InvalidEntryError);
      expect(await ledger.getEntry(big.id)).toBeUndefined();
    });

    it('posts an entry with 40 postings on 21 distinct balances (the transaction limit margin)', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const postings = Array.from({ length: 20 }, (_, i) => pair(`processor_receivable:p${i}`, 'merchant_payable', i + 1)).flat();
      const e = entry(m, 1, postings);
      expect(await ledger.post(e)).toBe('posted');
      expect(await ledger.balances(m)).toEqual(balancesFrom([e]));
    });

    it('keeps the books of a capture with fee, a refund and a payout, summing to zero per currency', async () => {
      const ledger = await factory();
      const m = newMerchant();
      await ledger.post(cardCaptureEntry({ merchantId: m, paymentId: 'pay_9', psp: 'stripe', amount: 10_000, currency: 'brl', fee: 320, createdAt: T0 }));
      await ledger.post(cardRefundEntry({ merchantId: m, refundId: 're_9', paymentId: 'pay_9', psp: 'stripe', amount: 2_500, currency: 'brl', createdAt: T0 }));
      await ledger.post(payoutEntry({ merchantId: m, payoutItemId: 'poi_9', amount: 7_000, currency: 'brl', createdAt: T0 }));
      const balances = await ledger.balances(m);
      expect(balances).toEqual([
        { account: 'fees', currency: 'brl', amount: 320 },
        { account: 'merchant_payable', currency: 'brl', amount: -3_000 },
        { account: 'payout_clearing', currency: 'brl', amount: -7_000 },
        { account: 'processor_receivable:stripe', currency: 'brl', amount: 7_180 },
        { account: 'refunds', currency: 'brl', amount: 2_500 },
      ]);
      expect([...totalsByCurrency(balances)]).toEqual([['brl', 0]]);
    });

    it('brings every touched balance back to zero after a reversal', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const capture = cardCaptureEntry({ merchantId: m, paymentId: 'pay_r', psp: 'stripe', amount: 4_200, currency: 'brl', fee: 100, createdAt: T0 });
      await ledger.post(capture);
      const reversal = reverseEntry(capture, reversalEntryId(capture), '2026-11-22T10:00:01.000Z');
      expect(await ledger.post(reversal)).toBe('posted');
      expect(await ledger.post(reverseEntry(capture, reversalEntryId(capture), '2026-11-22T10:00:02.000Z'))).toBe('already_posted');
      expect((await ledger.balances(m)).every((b) => b.amount === 0)).toBe(true);
    });

    it('keeps each merchant to its own balances and entries', async () => {
      const ledger = await factory();
      const [a, b] = [newMerchant(), newMerchant()];
      await ledger.post(entry(a, 1, pair('fees', 'merchant_payable', 7)));
      await ledger.post(entry(b, 1, pair('fees', 'merchant_payable', 9, 'usd')));
      expect(await ledger.balances(a)).toEqual(balancesFrom([entry(a, 1, pair('fees', 'merchant_payable', 7))]));
      expect((await ledger.listEntries(b)).map((e) => e.merchantId)).toEqual([b]);
    });

    it('lists a merchant’s entries oldest first, from inclusive, to exclusive, up to limit', async () => {
      const ledger = await factory();
      const m = newMerchant();
      const times = ['2026-11-22T10:00:03.000Z', '2026-11-22T10:00:01.000Z', '2026-11-22T10:00:02.000Z', '2026-11-22T10:00:04.000Z'];
      const entries = times.map((t, i) => entry(m, i, pair('fees', 'merchant_payable', i + 1), t));
      for (const e of entries) await ledger.post(e);
      const at = (list: JournalEntry[]): string[] => list.map((e) => e.createdAt);
      expect(at(await ledger.listEntries(m))).toEqual([...times].sort());
      expect(at(await ledger.listEntries(m, { from: '2026-11-22T10:00:02.000Z' }))).toEqual(['2026-11-22T10:00:02.000Z', '2026-11-22T10:00:03.000Z', '2026-11-22T10:00:04.000Z']);
      expect(at(await ledger.listEntries(m, { to: '2026-11-22T10:00:02.000Z' }))).toEqual(['2026-11-22T10:00:01.000Z']);
      expect(at(await ledger.listEntries(m, { from: '2026-11-22T10:00:02.000Z', to: '2026-11-22T10:00:04.000Z' }))).toEqual(['2026-11-22T10:00:02.000Z', '2026-11-22T10:00:03.000Z']);
      expect(at(await ledger.listEntries(m, { limit: 2 }))).toEqual(['2026-11-22T10:00:01.000Z', '2026-11-22T10:00:02.000Z']);
      expect(await ledger.listEntries(m, { from: '2026-11-22T10:00:02.000Z', limit: 1 })).toEqual([entries[2]]);
    });

    it('property: any valid entries posted in any order, with duplicates and concurrent retries, leave the pure fold and zero per currency', async () => {
      const ledger = await factory();
      await fc.assert(
        fc.asyncProperty(
          fc.array(entryShape, { minLength: 1, maxLength: 8 }),
          fc.array(fc.nat(), { maxLength: 12 }),
          fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
          fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 20, maxLength: 20 }),
          async (shapes, duplicates, orderKeys, batchSizes) => {
            const m = newMerchant();
            const entries = shapes.map((s, i) =>
              entry(m, i, s.legs.flatMap((l) => pair(l.debit, l.credit, l.amount, l.currency)), s.createdAt),
            );
            // Every entry once, some again, in an order fixed by the generated keys.
            const posts = [...entries, ...duplicates.map((d) => entries[d % entries.length]!)]
              .map((e, i) => ({ e: structuredClone(e), key: orderKeys[i % orderKeys.length]! * 100 + i }))
              .sort((x, y) => x.key - y.key)
              .map((p) => p.e);
            const results = new Map<string, string[]>();
            // Batches run concurrently: retries racing the first attempt.
            for (let i = 0, b = 0; i < posts.length; b++) {
              const batch = posts.slice(i, i + batchSizes[b % batchSizes.length]!);
              i += batch.length;
              const outcomes = await Promise.all(batch.map((e) => ledger.post(e)));
              batch.forEach((e, k) => results.set(e.id, [...(results.get(e.id) ?? []), outcomes[k]!]));
            }
            for (const outcomes of results.values()) expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
            const balances = await ledger.balances(m);
            expect(balances).toEqual(balancesFrom(entries));
            for (const total of totalsByCurrency(balances).values()) expect(total).toBe(0);
            expect((await ledger.listEntries(m)).map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
          },
        ),
        { numRuns: options.propertyRuns },
      );
    });

    it('50 concurrent posts of 10 distinct entries write exactly 10 entries and the right balances', async () => {
      const ledger = await factory();
      const m = newMerchant();
      // All ten touch the same balance rows: the worst case for transaction conflicts.
      const entries = Array.from({ length: 10 }, (_, i) =>
        cardCaptureEntry({ merchantId: m, paymentId: `pay_c${i}`, psp: 'stripe', amount: 1_000 + i, currency: 'brl', fee: 30, createdAt: T0 }),
      );
      options.probe?.reset();
      const started = performance.now();
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => ledger.post(structuredClone(entries[i % 10]!))));
      const elapsed = performance.now() - started;
      const requests = options.probe?.summary();
      expect(outcomes.filter((o) => o === 'posted')).toHaveLength(10);
      expect(outcomes.filter((o) => o === 'already_posted')).toHaveLength(40);
      expect(await ledger.listEntries(m)).toHaveLength(10);
      expect(await ledger.balances(m)).toEqual(balancesFrom(entries));
      options.report?.(`${name}: 50 concurrent posts of 10 entries → 10 posted, 40 already_posted, ${elapsed.toFixed(0)} ms${requests ? `, ${requests}` : ''}`);
    });
  });
}
