import { describe, expect, it } from 'vitest';
import { decodePayload, staticBrCode } from '../../../functions/app/pix/brcode.js';
import { reconcilePix } from '../../../functions/app/pix/reconcile.js';
import { handlePixCallback } from '../../../functions/app/pix/webhook.js';
import { pixWorld } from '../../support/pix-world.js';

const qr = { svg: async () => '<svg/>' };
const evp = '123e4567-e89b-12d3-a456-426614174000';

describe('BR Code tools', () => {
  it('decodes what the static tool builds, and a broken CRC is invalid_brcode naming field 63', async () => {
    const { payload } = await staticBrCode({ key: evp, amount: 1050, merchant_name: 'Loja', merchant_city: 'Sao Paulo', txid: 'PEDIDO1' }, qr);
    expect(decodePayload(payload)).toMatchObject({ kind: 'static', fields: { key: evp, amount: 1050, txid: 'PEDIDO1' } });
    const broken = payload.slice(0, -4) + (payload.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => decodePayload(broken)).toThrow(expect.objectContaining({ code: 'invalid_brcode', param: '63', message: expect.stringContaining('field 63') }));
  });

  it('a bad key is invalid_request on `key` naming the expected type, without echoing the key', async () => {
    await expect(staticBrCode({ key: 'Fulano@Example.com', merchant_name: 'L', merchant_city: 'C' }, qr)).rejects.toMatchObject({ code: 'invalid_request', param: 'key', message: expect.stringContaining('EMAIL') });
    await expect(staticBrCode({ key: '+551199', merchant_name: 'L', merchant_city: 'C' }, qr)).rejects.toMatchObject({ param: 'key', message: expect.stringContaining('PHONE') });
    await expect(staticBrCode({ key: '12345678900', merchant_name: 'L', merchant_city: 'C' }, qr)).rejects.toMatchObject({ param: 'key', message: expect.not.stringContaining('12345678900') });
  });

  it('a too-long merchant name is invalid_request naming merchant_name', async () => {
    await expect(staticBrCode({ key: evp, merchant_name: 'X'.repeat(40), merchant_city: 'C' }, qr)).rejects.toMatchObject({ code: 'invalid_request', param: 'merchant_name' });
  });
});

describe('Pix reconciliation', () => {
  it('matches credited Pix, reports a Pix on our key with no ledger credit, and announces each discrepancy once', async () => {
    const w = pixWorld();
    const from = w.clock.now();
    for (const k of ['a', 'b']) {
      const { charge } = await w.charge(k);
      await handlePixCallback(w.callback(await w.psp.simulatePayment({ txid: charge.txid })), w.deps);
    }
    const { charge } = await w.charge('lost');
    const lost = await w.psp.simulatePayment({ txid: charge.txid }); // its webhook never came
    w.advance(60_000);
    const window = { from, to: w.clock.now() };
    const report = await reconcilePix(window, w.deps);
    expect(report.matched).toBe(2);
    expect(report.discrepancies).toMatchObject({ missing_in_ledger: 1, missing_at_processor: 0, amount_mismatch: 0 });
    expect(report.items[0]).toMatchObject({ kind: 'missing_in_ledger', reference: lost.endToEndId, processor_amount: 1990 });
    await reconcilePix(window, w.deps);
    expect(w.events('reconciliation.discrepancy')).toHaveLength(1);
  });
});
