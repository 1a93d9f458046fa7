import { describe, expect, it } from 'vitest';
import { checkPixPaymentRequest, getPixCharge } from '../../../functions/app/pix/charges.js';
import { AppError } from '../../../functions/core/errors.js';
import { pixWorld } from '../../support/pix-world.js';

describe('Pix charges (use case, in-memory PSP)', () => {
  it('creates a requires_payment payment with a cob at the PSP, its charge record and a pix_qr next_action', async () => {
    const w = pixWorld();
    const r = await w.charge('k1', { amount: 1990, description: 'Pedido 1' });
    expect(r.payment).toMatchObject({ status: 'requires_payment', amount: 1990, currency: 'brl', processor: 'pix', payment_method: { type: 'pix' } });
    expect(r.charge.txid).toMatch(/^[a-zA-Z0-9]{26,35}$/);
    expect(r.payment.next_action).toEqual({ type: 'pix_qr', pix: { txid: r.charge.txid, brcode: r.charge.brcode, qr_svg: r.qrSvg, expires_at: r.charge.expires_at } });
    const cob = await w.psp.getCharge(r.charge.txid);
    expect(cob).toMatchObject({ status: 'active', amount: 1990, brcode: r.charge.brcode });
    expect(Date.parse(r.charge.expires_at) - w.clock.now().getTime()).toBe(3600_000);
    expect(await w.pix.getChargeByTxid(r.charge.txid)).toMatchObject({ payment_id: r.payment.id, status: 'active' });
  });

  it('a repeated request (same key, same body) returns the same payment and txid and creates nothing new', async () => {
    const w = pixWorld();
    const a = await w.charge('same-key');
    const b = await w.charge('same-key');
    expect(b.payment.id).toBe(a.payment.id);
    expect(b.charge.txid).toBe(a.charge.txid);
    expect(w.payments.payments.size).toBe(1);
    expect(w.pix.charges.size).toBe(1);
  });

  it('a retry after a crash between the PSP call and our writes reaches the PSP with the same txid and completes', async () => {
    const w = pixWorld();
    w.payments.beforeWrite = () => { throw new Error('crash'); };
    await expect(w.charge('crashy')).rejects.toThrow('crash');
    w.payments.beforeWrite = undefined;
    const r = await w.charge('crashy');
    expect(r.payment.status).toBe('requires_payment');
    expect((await w.psp.getCharge(r.charge.txid))?.revision).toBe(0);
  });

  it('refuses a Pix charge to an agent key when no mandate budget gate is wired (403 mandate_violation) and creates nothing', async () => {
    const w = pixWorld();
    const { createPixPayment } = await import('../../../functions/app/pix/charges.js');
    await expect(createPixPayment({ amount: 1990 }, { amount: 1990 }, { merchantId: 'mer_1', agentId: 'agt_1', mandateId: 'mdt_1' }, 'agent-key', w.deps)).rejects.toMatchObject({ code: 'mandate_violation', options: { param: 'payment_method' } });
    expect(w.payments.payments.size).toBe(0);
  });

  it('different Idempotency-Keys give different payments and txids', async () => {
    const w = pixWorld();
    const [a, b] = [await w.charge('k-a'), await w.charge('k-b')];
    expect(a.payment.id).not.toBe(b.payment.id);
    expect(a.charge.txid).not.toBe(b.charge.txid);
  });

  it('sends the payer to the PSP as devedor and never stores it on our records', async () => {
    const w = pixWorld();
    const r = await w.charge('payer', { payer: { name: 'Fulano de Tal', tax_id: '12345678909' } });
    expect((await w.psp.getCharge(r.charge.txid))?.payer?.taxId?.reveal()).toBe('12345678909');
    expect(JSON.stringify([...w.pix.charges.values(), ...w.payments.payments.values()])).not.toMatch(/12345678909|Fulano/);
  });

  it('another merchant asking for the charge gets not_found', async () => {
    const w = pixWorld();
    const r = await w.charge('mine');
    await expect(getPixCharge('mer_other', r.charge.txid, w.deps)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPixCharge('mer_1', r.charge.txid, w.deps)).resolves.toMatchObject({ payment_id: r.payment.id });
  });

  it('refuses a Pix payment in another currency, with manual capture or with a quote (400 naming the field)', () => {
    const err = (f: () => void) => { try { f(); } catch (e) { return e as AppError; } throw new Error('no error'); };
    expect(err(() => checkPixPaymentRequest({ currency: 'usd' }))).toMatchObject({ code: 'invalid_request', param: 'currency' });
    expect(err(() => checkPixPaymentRequest({ currency: 'brl', capture_method: 'manual' }))).toMatchObject({ param: 'capture_method' });
    expect(err(() => checkPixPaymentRequest({ currency: 'brl', quote_id: 'qt_1' }))).toMatchObject({ param: 'quote_id' });
  });

  it('a PSP failure surfaces as processor_unavailable (5xx, retried safely) and writes nothing', async () => {
    const w = pixWorld();
    w.psp.createCharge = async () => { throw new (await import('../../../functions/app/ports/pix-psp.js')).PixPspError('unavailable', 'down'); };
    await expect(w.charge('down')).rejects.toMatchObject({ code: 'processor_unavailable' });
    expect(w.payments.payments.size).toBe(0);
  });
});
