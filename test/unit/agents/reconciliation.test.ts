import { describe, expect, it } from 'vitest';
import { MemoryEventOutbox } from '../../../functions/adapters/memory/event-outbox.js';
import { adyenRecords } from '../../../functions/adapters/adyen/settlement.js';
import { stripeRecords } from '../../../functions/adapters/stripe/balance-transactions.js';
import { reconcileCards } from '../../../functions/app/agents/reconcile-cards.js';
import { cardCaptureEntry } from '../../../functions/core/ledger/index.js';
import { cardCaptureRecord, reconcile, type LedgerRecord, type ProcessorRecord } from '../../../functions/core/reconciliation/index.js';

const H = 3_600_000;
const t0 = Date.parse('2026-11-22T00:00:00Z');
const window = { from: t0, to: t0 + 24 * H };
const proc = (id: string, reference: string | undefined, amount: number, at = t0 + H): ProcessorRecord => ({ source: 'stripe', id, amount, currency: 'brl', at, ...(reference ? { reference } : {}) });
const led = (reference: string, amount: number, at = t0 + H): LedgerRecord => ({ entry_id: `je_${reference}`, source: 'stripe', reference, amount, currency: 'brl', at, merchant_id: 'mer_1' });
const run = (processor: ProcessorRecord[], ledger: LedgerRecord[]) => reconcile({ processor, ledger, window, grace_ms: 15 * 60_000, late_after_ms: 6 * H });

describe('reconciliation matcher (shared by cards and Pix)', () => {
  it('matches by reference and classifies every kind of discrepancy', () => {
    const r = run(
      [proc('txn_1', 'pay_ok', 1000), proc('txn_2', 'pay_dup', 500), proc('txn_3', 'pay_dup', 500, t0 + 2 * H), proc('txn_4', 'pay_amt', 999), proc('txn_5', 'pay_late', 700, t0 + 20 * H), proc('txn_6', 'pay_nobooks', 300), proc('txn_7', undefined, 100)],
      [led('pay_ok', 1000), led('pay_dup', 500), led('pay_amt', 1000), led('pay_late', 700, t0 + 2 * H), led('pay_missing', 800, t0 + 3 * H), led('pay_fresh', 900, t0 + 24 * H - 60_000)],
    );
    expect(r.matched.map((m) => m.ledger.reference)).toEqual(['pay_ok', 'pay_dup']);
    const kinds = Object.fromEntries(r.discrepancies.map((d) => [d.processor?.id ?? d.ledger?.entry_id, d.kind]));
    expect(kinds).toEqual({
      txn_3: 'duplicate', txn_4: 'amount_mismatch', txn_5: 'late', txn_6: 'missing_in_ledger', txn_7: 'missing_in_ledger', je_pay_missing: 'missing_at_processor',
    });
  });

  it('gives the same finding the same id in overlapping runs', () => {
    const a = run([proc('txn_9', 'pay_x', 1)], []);
    const b = run([proc('txn_9', 'pay_x', 1), proc('txn_10', 'pay_y', 2)], []);
    expect(b.discrepancies.map((d) => d.id)).toContain(a.discrepancies[0]!.id);
  });

  it('reads a capture entry as its gross, whatever fee was netted from the receivable', () => {
    const e = cardCaptureEntry({ merchantId: 'mer_1', paymentId: 'pay_1', psp: 'adyen', currency: 'brl', amount: 1990, fee: 70, createdAt: '2026-11-22T01:00:00Z' });
    expect(cardCaptureRecord(e)).toMatchObject({ source: 'adyen', reference: 'pay_1', amount: 1990, currency: 'brl', merchant_id: 'mer_1' });
  });

  it('normalises Stripe balance transactions through the PaymentIntent metadata and Adyen settlement rows through the attempt reference', () => {
    expect(stripeRecords(
      [{ id: 'txn_1', type: 'charge', source: 'ch_1', amount: 1990, currency: 'brl', created: 100 }, { id: 'txn_2', type: 'refund', source: 're_1', amount: -10, currency: 'brl', created: 101 }],
      [{ latest_charge: 'ch_1', metadata: { payment_id: 'pay_1', merchant_id: 'mer_1' } }],
    )).toEqual([{ source: 'stripe', id: 'txn_1', amount: 1990, currency: 'brl', at: 100_000, reference: 'pay_1', merchant_id: 'mer_1' }]);
    expect(adyenRecords([{ modificationReference: 'M1', merchantReference: 'pay_2:authorize:adyen', type: 'Settled', grossCurrency: 'BRL', grossCredit: 500, creationDate: '2026-11-22T01:00:00Z' }]))
      .toEqual([{ source: 'adyen', id: 'M1', amount: 500, currency: 'brl', at: Date.parse('2026-11-22T01:00:00Z'), reference: 'pay_2' }]);
  });

  it('the card reconciliation use case reports counts by kind and announces each discrepancy once through the outbox', async () => {
    const outbox = new MemoryEventOutbox();
    const saved: unknown[] = [];
    const deps = {
      sources: [{ id: 'stripe', list: async () => [proc('txn_1', 'pay_ok', 1000), proc('txn_2', 'pay_gone', 400)] }],
      ledger: { cardCaptures: async () => [led('pay_ok', 1000)] },
      outbox, reports: { save: async (r: unknown) => { saved.push(r); } }, now: new Date(t0 + 25 * H),
    };
    const w = { from: new Date(window.from), to: new Date(window.to) };
    const r = await reconcileCards(w, deps);
    await reconcileCards(w, deps);
    expect(r).toMatchObject({ matched: 1, discrepancies: { total: 1, by_kind: { missing_in_ledger: 1, missing_at_processor: 0, amount_mismatch: 0, duplicate: 0, late: 0 } } });
    expect(outbox.events.map((e) => [e.type, e.merchant_id])).toEqual([['reconciliation.discrepancy', 'platform']]);
    expect(saved).toHaveLength(2);
  });
});
