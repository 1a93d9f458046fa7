/** Pix use cases on in-memory ports: the fake PSP, memory stores, a movable clock. */
import { InMemoryLedger } from '../../functions/adapters/memory/ledger.js';
import { MemoryPaymentStore } from '../../functions/adapters/memory/payments.js';
import { MemoryVault } from '../../functions/adapters/memory/payment-methods.js';
import { InMemoryPixPsp } from '../../functions/adapters/memory/pix-psp.js';
import { MemoryPixStore } from '../../functions/adapters/memory/pix-store.js';
import { createPixPayment, type PixChargeRequest } from '../../functions/app/pix/charges.js';
import type { PixDeps } from '../../functions/app/pix/deps.js';
import type { ReceivedPix } from '../../functions/app/ports/pix-psp.js';

export function pixWorld(opts: { refundDelayMs?: number; start?: string } = {}) {
  let now = new Date(opts.start ?? '2026-11-22T12:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const psp = new InMemoryPixPsp({ now: clock.now, refundDelayMs: opts.refundDelayMs ?? 0 });
  const payments = new MemoryPaymentStore();
  const pix = new MemoryPixStore();
  const ledger = new InMemoryLedger();
  const deps: PixDeps = {
    payments, pix, psp, ledger, clock, receiverKey: psp.receiverKey, vault: new MemoryVault(),
    qr: { svg: async (p) => `<svg data-len="${p.length}"/>` },
  };
  const charge = (key: string, req: Partial<PixChargeRequest> = {}, merchantId = 'mer_1') => {
    const input = { amount: 1990, ...req };
    return createPixPayment(input, input, { merchantId }, key, deps);
  };
  /** The callback body the PSP would send for a Pix (API Pix wire shape). */
  const callback = (...pix: ReceivedPix[]) =>
    JSON.stringify({
      pix: pix.map((p) => ({ endToEndId: p.endToEndId, ...(p.txid ? { txid: p.txid } : {}), valor: (p.amount / 100).toFixed(2), horario: p.paidAt })),
    });
  return {
    deps, psp, payments, pix, ledger, clock, charge, callback,
    advance: (ms: number) => { now = new Date(now.getTime() + ms); },
    events: (type?: string) => [...payments.outbox, ...pix.outbox].filter((e) => type === undefined || e.type === type),
  };
}
