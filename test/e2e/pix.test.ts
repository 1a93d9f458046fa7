/**
 * Pix end to end over HTTP against the local runtime and its sandbox PSP: charge → the PSP's
 * payer pays (webhook sent twice) → one credit, one event → devolução → returned; a forged
 * callback changes nothing; the BR Code tools name what is wrong.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';

type Json = Record<string, any>;

describe('Pix over HTTP (e2e)', () => {
  let rt: TestRuntime;
  let sk: string;
  const call = async (method: string, path: string, body?: unknown, opts: { key?: string; idem?: string } = {}) => {
    const res = await fetch(`${rt.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${opts.key ?? sk}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.idem ? { 'idempotency-key': opts.idem } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
  };
  const balances = async () => Object.fromEntries(((await call('GET', '/v1/ledger/balances')).body.balances as Json[]).map((b) => [b.account, b.amount]));
  const events = async (type: string) => ((await call('GET', '/v1/events?limit=100')).body.data as Json[]).filter((e) => e.type === type);

  beforeAll(async () => {
    rt = await startTestRuntime();
    const m = await call('POST', '/v1/admin/merchants', { name: 'Pix shop' }, { key: rt.adminKey });
    sk = m.body.secret_key;
  });
  afterAll(() => rt?.stop());

  it('charge → sandbox pays with a duplicate webhook → one ledger credit and one pix.charge.completed → devolução → refund succeeded', async () => {
    const charge = await call('POST', '/v1/pix/charges', { amount: 1990, description: 'Pedido 1' }, { idem: 'e2e-pix-1' });
    expect(charge.status).toBe(201);
    expect(charge.body).toMatchObject({ status: 'ATIVA', amount: 1990, payment_id: expect.stringMatching(/^pay_/) });
    expect(charge.body.txid).toMatch(/^[a-zA-Z0-9]{26,35}$/);
    expect(charge.body.qr_svg).toContain('<svg');
    const replay = await call('POST', '/v1/pix/charges', { amount: 1990, description: 'Pedido 1' }, { idem: 'e2e-pix-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.txid).toBe(charge.body.txid);

    const paid = await call('POST', '/v1/sandbox/pix/pay', { txid: charge.body.txid, duplicate: true }, { key: rt.adminKey });
    expect(paid.status).toBe(200);
    expect(paid.body.webhook).toBe('delivered');

    const payment = await call('GET', `/v1/payments/${charge.body.payment_id}`);
    expect(payment.body).toMatchObject({ status: 'succeeded', amount_captured: 1990, processor: 'pix', next_action: null });
    expect(await balances()).toMatchObject({ pix_settlement: 1990, merchant_payable: -1990 });
    const completed = await eventually(async () => ((await events('pix.charge.completed')).length > 0 ? events('pix.charge.completed') : undefined), 5_000);
    await new Promise((r) => setTimeout(r, 300)); // room for a second (wrong) event to show up
    expect(await events('pix.charge.completed')).toHaveLength(1);
    expect(completed[0]!.data.object).toMatchObject({ txid: charge.body.txid, status: 'CONCLUIDA', end_to_end_id: paid.body.endToEndId });
    expect((await events('payment.succeeded')).filter((e) => e.data.object.id === charge.body.payment_id)).toHaveLength(1);

    const refund = await call('POST', '/v1/refunds', { payment_id: charge.body.payment_id }, { idem: 'e2e-pix-refund-1' });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ amount: 1990, status: expect.stringMatching(/^(pending|succeeded)$/) });
    const done = await eventually(async () => {
      const r = await call('GET', `/v1/refunds/${refund.body.id}`);
      return r.body.status === 'pending' ? undefined : r.body;
    }, 5_000);
    expect(done.status).toBe('succeeded');
    expect(await balances()).toMatchObject({ pix_settlement: 0, refunds: 1990 });
    expect((await call('GET', `/v1/payments/${charge.body.payment_id}`)).body.amount_refunded).toBe(1990);
  });

  it('a forged callback naming an endToEndId the PSP never saw answers 200 and changes nothing', async () => {
    const charge = await call('POST', '/v1/pix/charges', { amount: 500 }, { idem: 'e2e-pix-forged' });
    const before = await balances();
    const forgedE2e = `E66666666${new Date().toISOString().replace(/\D/g, '').slice(0, 12)}${randomBytes(8).toString('hex').slice(0, 11)}`;
    const res = await fetch(`${rt.url}/webhooks/pix`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pix: [{ endToEndId: forgedE2e, txid: charge.body.txid, valor: '5.00', horario: new Date().toISOString() }] }),
    });
    expect(res.status).toBe(200);
    expect((await call('GET', `/v1/payments/${charge.body.payment_id}`)).body.status).toBe('requires_payment');
    expect(await balances()).toEqual(before);
  });

  it('POST /v1/payments with payment_method pix answers the charge as next_action; cancel removes the cob at the PSP', async () => {
    const created = await call('POST', '/v1/payments', { amount: 2500, currency: 'brl', payment_method: { type: 'pix' } }, { idem: 'e2e-pix-payment' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'requires_payment', next_action: { type: 'pix_qr', pix: { txid: expect.any(String), brcode: expect.any(String), qr_svg: expect.any(String), expires_at: expect.any(String) } } });
    const txid = created.body.next_action.pix.txid as string;
    const canceled = await call('POST', `/v1/payments/${created.body.id}/cancel`, {}, { idem: 'e2e-pix-cancel' });
    expect(canceled.body.status).toBe('canceled');
    expect((await call('GET', `/v1/pix/charges/${txid}`)).body.status).toBe('REMOVIDA_PELO_USUARIO_RECEBEDOR');
    const pay = await call('POST', '/v1/sandbox/pix/pay', { txid }, { key: rt.adminKey });
    expect(pay.status).toBe(409);
  });

  it('a BR Code with a broken CRC answers 422 invalid_brcode naming field 63', async () => {
    const r = await call('POST', '/v1/pix/brcode/static', { key: '123e4567-e89b-12d3-a456-426614174000', amount: 1050, merchant_name: 'Loja', merchant_city: 'Sao Paulo' });
    expect(r.status).toBe(201);
    const payload = r.body.payload as string;
    const broken = payload.slice(0, -4) + (payload.endsWith('0000') ? '1111' : '0000');
    const res = await call('POST', '/v1/pix/brcode/decode', { payload: broken });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'invalid_brcode', param: '63' });
    expect(res.body.detail).toContain('63');
    expect((await call('POST', '/v1/pix/brcode/decode', { payload })).body).toMatchObject({ kind: 'static', fields: { amount: 1050 } });
  });

  it('a static BR Code with a bad CPF key answers 400 naming the CPF key type', async () => {
    const res = await call('POST', '/v1/pix/brcode/static', { key: '12345678900', merchant_name: 'Loja', merchant_city: 'Sao Paulo' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', param: 'key' });
    expect(res.body.detail).toContain('CPF');
    expect(res.body.detail).not.toContain('12345678900');
  });
});
