import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnRisk, DUNNING_SPACING_DAYS, formatAmount, invoiceNumber, invoiceTotals, InvoiceTotalError, periodBounds, periodStart, planDunning, type BillingRecord } from '../../../functions/core/billing/index.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-31T10:00:00Z');

describe('renewal periods', () => {
  it('monthly periods stay anchored to the start day, clamping to short months without drifting', () => {
    const at = (n: number) => periodStart('2026-01-31T10:00:00.000Z', 'month', 1, n).toISOString();
    expect([0, 1, 2, 3].map(at)).toEqual(['2026-01-31T10:00:00.000Z', '2026-02-28T10:00:00.000Z', '2026-03-31T10:00:00.000Z', '2026-04-30T10:00:00.000Z']);
    expect(periodStart('2027-01-31T00:00:00Z', 'month', 1, 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(periodStart('2028-01-31T00:00:00Z', 'month', 1, 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('weekly, quarterly (month × 3) and yearly periods; a leap day renews on 28 Feb', () => {
    expect(periodStart('2026-11-22T12:00:00Z', 'week', 2, 3).toISOString()).toBe('2027-01-03T12:00:00.000Z');
    expect(periodStart('2026-11-30T00:00:00Z', 'month', 3, 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(periodStart('2028-02-29T00:00:00Z', 'year', 1, 1).toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(periodStart('2028-02-29T00:00:00Z', 'year', 1, 4).toISOString()).toBe('2032-02-29T00:00:00.000Z');
  });

  it('periods tile time: each period ends where the next starts, and every period is non-empty (property)', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('week' as const, 'month' as const, 'year' as const), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }),
      (start, interval, count, n) => {
        const a = periodBounds(start.toISOString(), interval, count, n);
        const b = periodBounds(start.toISOString(), interval, count, n + 1);
        expect(a.end).toBe(b.start);
        expect(Date.parse(a.end)).toBeGreaterThan(Date.parse(a.start));
      },
    ));
  });
});

describe('invoice totals and numbering', () => {
  it('lines are unit × quantity and the total is their sum, in integer minor units (property)', () => {
    fc.assert(fc.property(fc.array(fc.record({ description: fc.string({ maxLength: 20 }), amount: fc.integer({ min: 1, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 20 }), (items) => {
      const t = invoiceTotals(items);
      expect(t.lines.map((l) => l.amount)).toEqual(items.map((i) => i.amount * i.quantity));
      expect(t.total).toBe(items.reduce((s, i) => s + i.amount * i.quantity, 0));
      expect(Number.isSafeInteger(t.total)).toBe(true);
    }));
  });

  it('refuses fractional amounts, zero quantities, empty and overflowing invoices, naming the item', () => {
    const param = (f: () => unknown) => { try { f(); return undefined; } catch (e) { return e instanceof InvoiceTotalError ? e.param : 'other'; } };
    expect(param(() => invoiceTotals([{ description: 'a', amount: 10.5, quantity: 1 }]))).toBe('items[0].amount');
    expect(param(() => invoiceTotals([{ description: 'a', amount: 10, quantity: 1 }, { description: 'b', amount: 10, quantity: 0 }]))).toBe('items[1].quantity');
    expect(param(() => invoiceTotals([]))).toBe('items');
    expect(param(() => invoiceTotals([{ description: 'a', amount: 0, quantity: 3 }]))).toBe('items');
    expect(param(() => invoiceTotals([{ description: 'a', amount: 99_999_999_999, quantity: 2 }]))).toBe('items[0]');
  });

  it('numbers carry a merchant prefix and a zero-padded sequence that sorts', () => {
    expect(invoiceNumber('mer_7f3kq2abZZZ', 1)).toBe('7F3KQ2AB-0001');
    expect(invoiceNumber('mer_ab', 12345)).toBe('ABXXXXXX-12345');
    expect(invoiceNumber('mer_x', 9) < invoiceNumber('mer_x', 10)).toBe(true);
    expect(() => invoiceNumber('mer_x', 0)).toThrow(RangeError);
  });

  it('formats amounts by the currency exponent without floats', () => {
    expect(formatAmount(1990, 'brl')).toBe('19.90 BRL');
    expect(formatAmount(5, 'usd')).toBe('0.05 USD');
    expect(formatAmount(1500, 'jpy')).toBe('1500 JPY');
    expect(formatAmount(1234, 'kwd')).toBe('1.234 KWD');
  });
});

describe('dunning schedule by decline category', () => {
  const plan = (code: string, attempts: number, extra: { brand?: string; times?: number[] } = {}) =>
    planDunning({ failure_code: code, attempts, attempt_times: extra.times ?? [T0], now: T0, ...(extra.brand ? { brand: extra.brand } : {}) });

  it('a hard decline, a data error or a fraud signal is never retried', () => {
    expect(plan('card_declined', 1)).toMatchObject({ action: 'stop', category: 'hard_decline' });
    expect(plan('stolen_card', 1)).toMatchObject({ action: 'stop' });
    expect(plan('expired_card', 1)).toMatchObject({ action: 'stop', category: 'data_error' });
    expect(plan('fraudulent', 1)).toMatchObject({ action: 'stop' });
    expect(plan('risk_declined', 1)).toMatchObject({ action: 'stop', category: 'not_retryable' });
  });

  it('soft declines and insufficient funds retry 1, 3 and 5 days after each failure, then stop', () => {
    for (const code of ['insufficient_funds', 'do_not_honor', 'try_again_later', 'processor_unavailable']) {
      const ats = [1, 2, 3].map((n) => plan(code, n));
      expect(ats.map((p) => p.action)).toEqual(['retry', 'retry', 'retry']);
      expect(ats.map((p) => (p.action === 'retry' ? (Date.parse(p.at) - T0) / DAY : 0))).toEqual([...DUNNING_SPACING_DAYS]);
      expect(plan(code, DUNNING_SPACING_DAYS.length + 1)).toMatchObject({ action: 'stop' });
    }
    expect(plan('insufficient_funds', 1).category).toBe('soft_decline');
  });

  it('respects the card network reattempt cap: a Mastercard with 10 attempts in 24 h waits past the window', () => {
    const times = Array.from({ length: 10 }, (_, i) => T0 - (9 - i) * 3_600_000);
    const p = plan('do_not_honor', 1, { brand: 'mastercard', times });
    expect(p.action).toBe('retry');
    const at = p.action === 'retry' ? Date.parse(p.at) : 0;
    expect(at).toBeGreaterThanOrEqual(T0 + DAY);
    // The Visa cap (15 in 30 days) is not reached by the same history: plain spacing.
    expect(plan('do_not_honor', 1, { brand: 'visa', times })).toMatchObject({ at: new Date(T0 + DAY).toISOString() });
  });
});

describe('churn-risk flag', () => {
  const rec = (outcome: 'paid' | 'failed', amount = 1000, period = 0): BillingRecord => ({ period, outcome, amount, at: '2026-01-01T00:00:00Z' });

  it('a healthy history is low risk', () => {
    expect(churnRisk([rec('paid'), rec('paid'), rec('paid')], [], T0)).toEqual({ level: 'low', score: 0, reasons: [] });
  });

  it('consecutive failures raise it, and a success in between resets the run', () => {
    expect(churnRisk([rec('paid'), rec('failed')], [], T0).level).toBe('low');
    expect(churnRisk([rec('paid'), rec('failed'), rec('failed')], [], T0)).toMatchObject({ level: 'medium', reasons: ['consecutive_failures:2'] });
    expect(churnRisk([rec('failed'), rec('failed'), rec('failed')], [], T0).level).toBe('high');
    expect(churnRisk([rec('failed'), rec('failed'), rec('paid')], [], T0).level).toBe('low');
  });

  it('declining amounts and recent disputes count; old disputes do not', () => {
    expect(churnRisk([rec('paid', 3000), rec('paid', 2000), rec('paid', 1000)], [], T0)).toMatchObject({ level: 'medium', reasons: ['declining_amounts'] });
    const recent = new Date(T0 - 10 * DAY).toISOString();
    const old = new Date(T0 - 200 * DAY).toISOString();
    expect(churnRisk([rec('paid')], [recent], T0)).toMatchObject({ level: 'medium', reasons: ['recent_disputes:1'] });
    expect(churnRisk([rec('paid')], [old], T0).level).toBe('low');
    expect(churnRisk([rec('paid'), rec('failed')], [recent, recent], T0).level).toBe('high');
  });
});
