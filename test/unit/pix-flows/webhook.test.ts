import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handlePixCallback } from '../../../functions/app/pix/webhook.js';
import { PixPspError, type ReceivedPix } from '../../../functions/app/ports/pix-psp.js';
import { verifyChain } from '../../../functions/core/audit/index.js';
import { pixWorld } from '../../support/pix-world.js';

const settlement = async (w: ReturnType<typeof pixWorld>, merchant = 'mer_1') => (await w.ledger.balances(merchant)).find((b) => b.account === 'pix_settlement')?.amount ?? 0;

describe('Pix webhook (use case, in-memory PSP)', () => {
  it('a paid charge whose callback arrives twice is credited once: one ledger entry, succeeded, one pix.charge.completed and one payment.succeeded', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k1');
    const pix = await w.psp.simulatePayment({ txid: charge.txid });
    const first = await handlePixCallback(w.callback(pix), w.deps);
    const second = await handlePixCallback(w.callback(pix), w.deps);
    expect(first.map((r) => r.outcome)).toEqual(['credited']);
    expect(second.map((r) => r.outcome)).toEqual(['duplicate']);
    expect(await settlement(w)).toBe(1990);
    expect(await w.payments.getById(payment.id)).toMatchObject({ status: 'succeeded', amount_captured: 1990, next_action: null });
    expect(w.events('pix.charge.completed')).toHaveLength(1);
    expect(w.events('pix.charge.completed')[0]!.data.object).toMatchObject({ txid: charge.txid, status: 'CONCLUIDA', end_to_end_id: pix.endToEndId });
    expect(w.events('payment.succeeded')).toHaveLength(1);
    expect(await w.pix.getChargeByTxid(charge.txid)).toMatchObject({ status: 'completed', end_to_end_id: pix.endToEndId });
    const audit = w.payments.audit.get(payment.id)!;
    expect(audit.map((a) => a.action)).toEqual(['payment.created', 'pix.charge.created', 'pix.received']);
    expect(verifyChain(audit).verified).toBe(true);
  });

  it('a payment canceled while its Pix is being credited gets the credit reversed and a late discrepancy, never a credit beside a canceled payment', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('race-1');
    const pix = await w.psp.simulatePayment({ txid: charge.txid });
    const post = w.ledger.post.bind(w.ledger);
    let raced = false;
    w.ledger.post = async (e) => {
      const r = await post(e);
      if (!raced) {
        // The expiry sweep (or a cancel) wins the race right after the credit was posted.
        raced = true;
        const p = w.payments.payments.get(payment.id)!;
        w.payments.payments.set(payment.id, { ...p, status: 'canceled', version: p.version + 1 });
      }
      return r;
    };
    const [r] = await handlePixCallback(w.callback(pix), w.deps);
    expect(r?.outcome).toBe('late');
    expect(await settlement(w)).toBe(0);
    expect((await w.payments.getById(payment.id))?.status).toBe('canceled');
    expect(w.events('reconciliation.discrepancy').map((e) => (e.data.object as { kind: string }).kind)).toEqual(['late']);
  });

  it('a forged callback (an endToEndId the PSP never received) is not confirmed and changes nothing', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k1');
    const body = JSON.stringify({ pix: [{ endToEndId: 'E66666666202611221200abcdefghijk', txid: charge.txid, valor: '19.90', horario: '2026-11-22T12:00:00Z' }] });
    expect((await handlePixCallback(body, w.deps)).map((r) => r.outcome)).toEqual(['not_confirmed']);
    expect(await w.payments.getById(payment.id)).toMatchObject({ status: 'requires_payment', version: 1 });
    expect(await settlement(w)).toBe(0);
    expect(w.events()).toHaveLength(0);
  });

  it('uses only what the PSP confirms: a callback lying about amount and txid credits the confirmed Pix to its own charge', async () => {
    const w = pixWorld();
    const a = await w.charge('a', { amount: 1000 });
    const b = await w.charge('b', { amount: 5000 });
    const pix = await w.psp.simulatePayment({ txid: a.charge.txid });
    const lying = JSON.stringify({ pix: [{ endToEndId: pix.endToEndId, txid: b.charge.txid, valor: '50.00', horario: pix.paidAt }] });
    await handlePixCallback(lying, w.deps);
    expect((await w.payments.getById(a.payment.id))?.status).toBe('succeeded');
    expect((await w.payments.getById(b.payment.id))?.status).toBe('requires_payment');
    expect(await settlement(w)).toBe(1000);
  });

  it('concurrent duplicate callbacks for one Pix credit it exactly once', async () => {
    const w = pixWorld();
    const { charge } = await w.charge('k1');
    const pix = await w.psp.simulatePayment({ txid: charge.txid });
    await Promise.all(Array.from({ length: 6 }, () => handlePixCallback(w.callback(pix), w.deps)));
    expect(await settlement(w)).toBe(1990);
    expect(w.events('payment.succeeded')).toHaveLength(1);
    expect(w.events('pix.charge.completed')).toHaveLength(1);
  });

  it('a crash after the ledger post leaves a pending claim that the next callback finishes, without a second credit', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k1');
    const pix = await w.psp.simulatePayment({ txid: charge.txid });
    w.payments.beforeWrite = () => { throw new Error('crash'); };
    await expect(handlePixCallback(w.callback(pix), w.deps)).rejects.toThrow('crash');
    expect((await w.pix.getReceived(pix.endToEndId))?.status).toBe('pending');
    w.payments.beforeWrite = undefined;
    expect((await handlePixCallback(w.callback(pix), w.deps)).map((r) => r.outcome)).toEqual(['credited']);
    expect((await w.payments.getById(payment.id))?.status).toBe('succeeded');
    expect(await settlement(w)).toBe(1990);
    expect(await w.ledger.listEntries('mer_1')).toHaveLength(1);
  });

  it('a confirmed Pix whose txid is no charge of ours is kept as unmatched and credits nobody', async () => {
    const w = pixWorld();
    const { charge } = await w.charge('k1');
    const pix = await w.psp.simulatePayment({ txid: charge.txid });
    await w.pix.putCharge({ ...(await w.pix.getChargeByTxid(charge.txid))!, txid: 'X'.repeat(32) }); // our record no longer knows it
    expect((await handlePixCallback(w.callback(pix), w.deps)).map((r) => r.outcome)).toEqual(['unmatched']);
    expect(await settlement(w)).toBe(0);
  });

  it('a Pix for a charge of another amount is a discrepancy (event + audit), never a success', async () => {
    const w = pixWorld();
    const { payment, charge } = await w.charge('k1', { amount: 1990 });
    const pix = await w.psp.simulatePayment({ txid: charge.txid });
    await w.pix.putCharge({ ...(await w.pix.getChargeByTxid(charge.txid))!, amount: 2990 });
    expect((await handlePixCallback(w.callback(pix), w.deps)).map((r) => r.outcome)).toEqual(['amount_mismatch']);
    expect((await w.payments.getById(payment.id))?.status).toBe('requires_payment');
    expect(w.events('reconciliation.discrepancy')[0]!.data.object).toMatchObject({ kind: 'amount_mismatch', expected_amount: 2990, actual_amount: 1990 });
    expect(await settlement(w)).toBe(0);
  });

  it('answers a PSP outage while confirming with processor_unavailable (5xx: the PSP will retry)', async () => {
    const w = pixWorld();
    w.psp.getPix = async () => { throw new PixPspError('timeout', 'slow'); };
    const body = JSON.stringify({ pix: [{ endToEndId: 'E66666666202611221200abcdefghijk' }] });
    await expect(handlePixCallback(body, w.deps)).rejects.toMatchObject({ code: 'processor_unavailable' });
  });

  it('refuses a body that is not an API Pix callback with invalid_request, and keeps every callback sealed', async () => {
    const w = pixWorld();
    await expect(handlePixCallback('{"foo":1}', w.deps)).rejects.toMatchObject({ code: 'invalid_request' });
    await handlePixCallback('{"pix":[]}', w.deps);
    expect(w.pix.callbacks).toHaveLength(1);
    expect(w.pix.callbacks[0]!.sealed.ct).not.toContain('pix');
  });

  it('property: any interleaving of duplicated, reordered callbacks credits each paid charge exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 15 }), async (amounts, picks) => {
        const w = pixWorld();
        const paid: ReceivedPix[] = [];
        for (const [i, amount] of amounts.entries()) {
          const { charge } = await w.charge(`k${i}`, { amount });
          paid.push(await w.psp.simulatePayment({ txid: charge.txid }));
        }
        const order = [...paid, ...picks.map((n) => paid[n % paid.length]!)].reverse();
        for (const p of order) await handlePixCallback(w.callback(p), w.deps);
        expect(await settlement(w)).toBe(amounts.reduce((a, b) => a + b, 0));
        expect(w.events('pix.charge.completed')).toHaveLength(amounts.length);
        expect(w.events('payment.succeeded')).toHaveLength(amounts.length);
      }),
      { numRuns: 25 },
    );
  });
});
