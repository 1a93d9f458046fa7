/**
 * The one behaviour every {@link PixPsp} must have, run against the in-memory fake
 * (test/unit/adapters/memory-pix-psp.test.ts) and against the API Pix connector talking to the
 * sandbox PSP (test/integration/pix/pix-api.test.ts). Each test gets a fresh PSP from `setup`,
 * so listings only see that test's Pix. Payer-side actions go through the harness.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PixPspError, listAllPix, type PixPsp, type PixRefund } from '../../functions/app/ports/pix-psp.js';
import { decodeBrCode, isValidDynamicTxid } from '../../functions/core/pix/index.js';

export interface PixPspHarness {
  readonly psp: PixPsp;
  /** A key the PSP's merchant owns. */
  readonly receiverKey: string;
  /** Pays the charge in full as a payer would; returns the new endToEndId. */
  pay(txid: string): Promise<string>;
  /** Moves an immediate charge past its expiry. */
  expire(txid: string): Promise<void>;
  /** Ages a received Pix by `days`. */
  backdate(endToEndId: string, days: number): Promise<void>;
  /** The payer accepts a recurrence. */
  approveRecurrence(id: string): Promise<void>;
  stop(): Promise<void>;
}

const CPF = '12345678909';
const CNPJ = '11222333000181';
let seq = 0;
/** A fresh 32-character txid per call (unique across the run). */
export const txid = (): string => `T${Date.now().toString(36)}${(seq++).toString(36).padStart(4, '0')}`.padEnd(32, 'x');

async function eventually(read: () => Promise<PixRefund | undefined>, done: (r: PixRefund) => boolean, ms = 3000): Promise<PixRefund> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await read();
    if (r && done(r)) return r;
    if (Date.now() > until) throw new Error(`refund did not settle in ${ms} ms: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 15));
  }
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PixPspError) return e.code;
    throw e;
  }
  return 'no error';
}

export function pixPspContract(name: string, setup: () => Promise<PixPspHarness>): void {
  describe(`PixPsp contract: ${name}`, () => {
    let h: PixPspHarness;
    let psp: PixPsp;
    beforeEach(async () => {
      h = await setup();
      psp = h.psp;
    });
    afterEach(async () => {
      await h.stop();
    });

    const charge = (amount = 1050, extra: { txid?: string } = {}) =>
      psp.createCharge({ txid: extra.txid ?? txid(), amount, expiresInSeconds: 3600, receiverKey: h.receiverKey, description: 'Pedido 42', payer: { name: 'Fulana de Tal', taxId: CPF } });

    it('creates an active immediate charge whose BR Code points at its location', async () => {
      const id = txid();
      const c = await charge(1050, { txid: id });
      expect(c).toMatchObject({ txid: id, status: 'active', amount: 1050, revision: 0, description: 'Pedido 42', payments: [] });
      expect(Date.parse(c.expiresAt) - Date.parse(c.createdAt)).toBe(3_600_000);
      const decoded = decodeBrCode(c.brcode);
      expect(decoded.kind).toBe('dynamic');
      expect(decoded.fields.url).toBe(c.location);
      expect(c.payer?.taxId?.reveal()).toBe(CPF);
      expect(JSON.stringify(c)).not.toContain(CPF);
      expect(JSON.stringify(c)).not.toContain('Fulana');
    });

    it('lets the PSP choose a 26–35 character txid when none is given', async () => {
      const c = await psp.createCharge({ amount: 500, expiresInSeconds: 60, receiverKey: h.receiverKey });
      expect(isValidDynamicTxid(c.txid)).toBe(true);
      expect((await psp.getCharge(c.txid))?.amount).toBe(500);
    });

    it('gets a charge by txid and answers undefined for an unknown one', async () => {
      const c = await charge();
      expect(await psp.getCharge(c.txid)).toMatchObject({ txid: c.txid, amount: c.amount, location: c.location, brcode: c.brcode });
      expect(await psp.getCharge(txid())).toBeUndefined();
    });

    it('replays a repeated create with the same txid and amount, and refuses a different amount', async () => {
      const id = txid();
      const first = await charge(700, { txid: id });
      const again = await charge(700, { txid: id });
      expect(again.location).toBe(first.location);
      expect(await code(charge(701, { txid: id }))).toBe('invalid_request');
    });

    it('refuses invalid charges: malformed txid, zero amount, a key we do not own, a bad CPF', async () => {
      const base = { amount: 100, expiresInSeconds: 60, receiverKey: h.receiverKey };
      expect(await code(psp.createCharge({ ...base, txid: 'short' }))).toBe('invalid_request');
      expect(await code(psp.createCharge({ ...base, txid: txid(), amount: 0 }))).toBe('invalid_request');
      expect(await code(psp.createCharge({ ...base, txid: txid(), receiverKey: '123e4567-e89b-12d3-a456-426614174000' }))).toBe('invalid_request');
      expect(await code(psp.createCharge({ ...base, txid: txid(), payer: { name: 'X', taxId: '12345678900' } }))).toBe('invalid_request');
    });

    it('revises a charge (revision + 1) and removes it; a removed charge cannot change', async () => {
      const c = await charge(1000);
      const revised = await psp.updateCharge(c.txid, { amount: 1200, description: 'Pedido 43' });
      expect(revised).toMatchObject({ amount: 1200, revision: 1, description: 'Pedido 43', status: 'active' });
      expect(await code(psp.updateCharge(c.txid, { status: 'removed_by_receiver', amount: 1 }))).toBe('invalid_request');
      const removed = await psp.updateCharge(c.txid, { status: 'removed_by_receiver' });
      expect(removed.status).toBe('removed_by_receiver');
      expect((await psp.getCharge(c.txid))?.status).toBe('removed_by_receiver');
      expect(await code(psp.updateCharge(c.txid, { amount: 900 }))).toBe('invalid_request');
    });

    it('creates and reads a due-date charge (cobv) with the default 30 days of validity', async () => {
      const id = txid();
      const c = await psp.createDueCharge({ txid: id, amount: 25000, dueDate: '2030-01-31', payer: { name: 'Empresa X', taxId: CNPJ }, receiverKey: h.receiverKey });
      expect(c).toMatchObject({ txid: id, status: 'active', amount: 25000, dueDate: '2030-01-31', validAfterDueDays: 30, revision: 0 });
      expect(c.payer.taxId?.reveal()).toBe(CNPJ);
      expect(decodeBrCode(c.brcode).fields.url).toBe(c.location);
      expect((await psp.getDueCharge(id))?.amount).toBe(25000);
      expect(await psp.getCharge(id)).toBeUndefined();
    });

    it('after a payment the charge is completed and getPix finds the Pix', async () => {
      const c = await charge(1990);
      const e2e = await h.pay(c.txid);
      expect(e2e).toMatch(/^E[0-9A-Za-z]{8}\d{12}[0-9A-Za-z]{11}$/);
      const got = await psp.getCharge(c.txid);
      expect(got?.status).toBe('completed');
      expect(got?.payments.map((p) => [p.endToEndId, p.amount])).toEqual([[e2e, 1990]]);
      const pix = await psp.getPix(e2e);
      expect(pix).toMatchObject({ endToEndId: e2e, txid: c.txid, amount: 1990, refunds: [] });
      expect(await psp.getPix('E99999999202001010000aaaaaaaaaaa')).toBeUndefined();
    });

    it('refuses to pay an expired charge and keeps its record active', async () => {
      const c = await charge();
      await h.expire(c.txid);
      await expect(h.pay(c.txid)).rejects.toThrow();
      const got = await psp.getCharge(c.txid);
      expect(got?.status).toBe('active');
      expect(Date.parse(got!.expiresAt)).toBeLessThan(Date.now());
    });

    it('lists received Pix over two pages, and listAllPix walks every page', async () => {
      const from = new Date(Date.now() - 60_000).toISOString();
      const paid: string[] = [];
      const txids: string[] = [];
      for (const amount of [100, 200, 300]) {
        const c = await charge(amount);
        txids.push(c.txid);
        paid.push(await h.pay(c.txid));
      }
      const to = new Date(Date.now() + 60_000).toISOString();
      const first = await psp.listPix({ from, to, pageSize: 2 });
      expect(first).toMatchObject({ page: 0, pages: 2, total: 3 });
      expect(first.items).toHaveLength(2);
      const second = await psp.listPix({ from, to, pageSize: 2, page: 1 });
      expect(second.items).toHaveLength(1);
      const all: string[] = [];
      for await (const p of listAllPix(psp, { from, to, pageSize: 2 })) all.push(p.endToEndId);
      expect(all.sort()).toEqual([...paid].sort());
      const one = await psp.listPix({ from, to, txid: txids[1] });
      expect(one.items.map((p) => p.amount)).toEqual([200]);
      expect((await psp.listPix({ from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' })).items).toEqual([]);
    });

    it('a partial refund is processing, then returned; repeating it replays the same refund', async () => {
      const e2e = await h.pay((await charge(1000)).txid);
      const r = await psp.requestRefund({ endToEndId: e2e, refundId: 'refund1', amount: 400, reason: 'partial' });
      expect(r).toMatchObject({ endToEndId: e2e, refundId: 'refund1', amount: 400, status: 'processing', nature: 'original' });
      expect(r.returnId).toMatch(/^[a-zA-Z0-9]{32}$/);
      const done = await eventually(() => psp.getRefund(e2e, 'refund1'), (x) => x.status !== 'processing');
      expect(done.status).toBe('returned');
      expect(done.settledAt).toBeDefined();
      const again = await psp.requestRefund({ endToEndId: e2e, refundId: 'refund1', amount: 400 });
      expect(again.returnId).toBe(r.returnId);
      expect(await code(psp.requestRefund({ endToEndId: e2e, refundId: 'refund1', amount: 300 }))).toBe('invalid_request');
      expect((await psp.getPix(e2e))?.refunds.map((x) => [x.refundId, x.status])).toEqual([['refund1', 'returned']]);
      expect(await psp.getRefund(e2e, 'nope')).toBeUndefined();
    });

    it('a refund beyond what is left fails, while the earlier one stands', async () => {
      const e2e = await h.pay((await charge(1000)).txid);
      await psp.requestRefund({ endToEndId: e2e, refundId: 'a1', amount: 600 });
      const over = await psp.requestRefund({ endToEndId: e2e, refundId: 'a2', amount: 500 });
      expect(over.status).toBe('processing');
      const failed = await eventually(() => psp.getRefund(e2e, 'a2'), (x) => x.status !== 'processing');
      expect(failed.status).toBe('failed');
      expect(failed.statusReason).toBeTruthy();
      expect((await eventually(() => psp.getRefund(e2e, 'a1'), (x) => x.status !== 'processing')).status).toBe('returned');
      const rest = await psp.requestRefund({ endToEndId: e2e, refundId: 'a3', amount: 400 });
      expect((await eventually(() => psp.getRefund(e2e, rest.refundId), (x) => x.status !== 'processing')).status).toBe('returned');
    });

    it('a refund more than 90 days after the Pix fails', async () => {
      const e2e = await h.pay((await charge(1000)).txid);
      await h.backdate(e2e, 91);
      await psp.requestRefund({ endToEndId: e2e, refundId: 'late', amount: 100 });
      expect((await eventually(() => psp.getRefund(e2e, 'late'), (x) => x.status !== 'processing')).status).toBe('failed');
    });

    it('configures and reads the webhook of our key', async () => {
      expect(await psp.getWebhook(h.receiverKey)).toBeUndefined();
      await psp.configureWebhook(h.receiverKey, 'https://merchant.example/webhooks');
      expect((await psp.getWebhook(h.receiverKey))?.url).toBe('https://merchant.example/webhooks');
      expect(await code(psp.configureWebhook(h.receiverKey, 'not a url'))).toBe('invalid_request');
    });

    it('round-trips a recurrence and a recurring charge (Pix Automático)', async () => {
      const rec = await psp.createRecurrence({
        contract: 'CTR-001', description: 'Streaming', debtor: { name: 'Fulano', taxId: CPF },
        startDate: '2030-01-10', period: 'monthly', amount: 3500, retryPolicy: 'up_to_3_retries_in_7_days',
      });
      expect(rec).toMatchObject({ status: 'created', contract: 'CTR-001', period: 'monthly', amount: 3500, retryPolicy: 'up_to_3_retries_in_7_days' });
      expect(rec.id).toMatch(/^RR[a-zA-Z0-9]{27}$/);
      expect(rec.debtor.taxId?.reveal()).toBe(CPF);
      const cobrInput = { txid: txid(), recurrenceId: rec.id, dueDate: '2030-02-10', amount: 3500, receiverAccount: { branch: '0001', account: '123456', accountType: 'checking' as const } };
      expect(await code(psp.createRecurringCharge(cobrInput))).toBe('invalid_request');
      await h.approveRecurrence(rec.id);
      expect((await psp.getRecurrence(rec.id))?.status).toBe('approved');
      const cobr = await psp.createRecurringCharge(cobrInput);
      expect(cobr).toMatchObject({ txid: cobrInput.txid, recurrenceId: rec.id, status: 'created', amount: 3500, dueDate: '2030-02-10', adjustToBusinessDay: true });
      expect(cobr.receiverAccount).toEqual({ branch: '0001', account: '123456', accountType: 'checking' });
      expect(await psp.getRecurringCharge(cobrInput.txid)).toMatchObject({ txid: cobrInput.txid, status: 'created' });
      expect(await psp.getRecurrence('RR1234567820240115abcdefghijk')).toBeUndefined();
      expect(await code(psp.createRecurrence({ contract: 'C', debtor: { name: 'F', taxId: CPF }, startDate: '2030-01-10', period: 'weekly', amount: 1, minimumAmount: 1, retryPolicy: 'no_retries' }))).toBe('invalid_request');
    });
  });
}
