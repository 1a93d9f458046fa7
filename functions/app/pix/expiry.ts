/**
 * The end of an unpaid charge: it runs out (`expires_at`; the API Pix record keeps saying ATIVA,
 * PIX_SPEC §3.2), or the merchant cancels the payment and we remove the cob at the PSP
 * (`PATCH /cob/{txid} {"status":"REMOVIDA_PELO_USUARIO_RECEBEDOR"}`).
 */
import { releaseBudgets } from '../saga/budgets.js';
import { AppError } from '../../core/errors.js';
import { paymentView, transition, type Payment } from '../../core/payments/index.js';
import { buildEvent } from '../events.js';
import { ConcurrentUpdateError } from '../ports/payment-store.js';
import { PixPspError } from '../ports/pix-psp.js';
import type { PixChargeRecord } from '../ports/pix-store.js';
import { creditConfirmedPix } from './credit.js';
import type { PixDeps } from './deps.js';
import { atPsp } from './psp-errors.js';
import { pixChargeView } from './views.js';

/**
 * Credits every Pix the PSP lists on a charge we still see as active: the backstop for a lost
 * webhook (the spec defines no retry policy, iss:72). Returns true when the charge was paid.
 */
async function creditFromPsp(charge: PixChargeRecord, deps: PixDeps): Promise<boolean> {
  const cob = await atPsp('read the charge', () => deps.psp.getCharge(charge.txid));
  if (!cob || cob.status !== 'completed') return false;
  for (const paid of cob.payments) {
    const pix = await atPsp('confirm the Pix', () => deps.psp.getPix(paid.endToEndId));
    if (pix) await creditConfirmedPix(pix, deps);
  }
  return true;
}

async function expireOne(charge: PixChargeRecord, deps: PixDeps): Promise<boolean> {
  if (await creditFromPsp(charge, deps)) return false;
  const now = deps.clock.now();
  for (let i = 0; i < 8; i++) {
    const p = await deps.payments.getById(charge.payment_id);
    if (!p || p.status !== 'requires_payment') break;
    const expired: PixChargeRecord = { ...charge, status: 'expired', updated: now.toISOString() };
    const next = transition(p, 'canceled', now, { next_action: null, attempts: p.attempts.map((a) => (a.status === 'pending' ? { ...a, status: 'timeout' as const } : a)) });
    try {
      await deps.payments.update(next, {
        events: [
          buildEvent({ type: 'pix.charge.expired', merchantId: charge.merchant_id, object: pixChargeView(expired), at: now, dedupeKey: charge.txid }),
          buildEvent({ type: 'payment.canceled', merchantId: charge.merchant_id, object: paymentView(next), at: now, dedupeKey: p.id }),
        ],
        audit: [{ at: now.toISOString(), actor: 'system:pix-expiry', action: 'pix.charge.expired', data: { txid: charge.txid, expires_at: charge.expires_at } }],
      });
      await deps.pix.putCharge(expired);
      if (deps.agentBudget) await releaseBudgets(next, deps.agentBudget.budgets);
      return true;
    } catch (err) {
      if (!(err instanceof ConcurrentUpdateError)) throw err;
    }
  }
  // The payment moved on without us (paid or canceled meanwhile): the record follows it.
  const p = await deps.payments.getById(charge.payment_id);
  if (p && p.status !== 'requires_payment' && p.status !== 'succeeded') await deps.pix.putCharge({ ...charge, status: 'canceled', updated: now.toISOString() });
  return false;
}

/** The schedule: charges past `expires_at` still active here are credited (if paid) or expired. */
export async function expirePixCharges(deps: PixDeps, limit = 100): Promise<{ checked: number; expired: number }> {
  const due = await deps.pix.listExpiredActive(deps.clock.now().toISOString(), limit);
  let expired = 0;
  for (const charge of due) if (await expireOne(charge, deps)) expired++;
  return { checked: due.length, expired };
}

/** The `removePixCharge` hook of cancelPayment: removes the cob so it can no longer be paid. */
export async function removePixCharge(p: Payment, deps: PixDeps): Promise<void> {
  const charge = await deps.pix.getChargeByPayment(p.id);
  if (!charge) return;
  if (await creditFromPsp(charge, deps)) throw new AppError('invalid_state', 'The Pix charge was already paid');
  try {
    await deps.psp.updateCharge(charge.txid, { status: 'removed_by_receiver' });
  } catch (err) {
    // Already removed (a retried cancel) is what we wanted; anything else is the PSP's failure.
    const again = err instanceof PixPspError && err.code === 'invalid_request' ? await atPsp('read the charge', () => deps.psp.getCharge(charge.txid)) : undefined;
    if (again?.status !== 'removed_by_receiver') await atPsp('remove the charge', () => Promise.reject(err));
  }
  await deps.pix.putCharge({ ...charge, status: 'canceled', updated: deps.clock.now().toISOString() });
}
