/**
 * Crediting a Pix the PSP confirmed (`GET /pix/{e2eid}`): the one path money enters through,
 * whether the trigger was a webhook, the expiry job's backstop or reconciliation.
 *
 * Idempotent per endToEndId, in an order that a crash at any step can resume: claim the
 * endToEndId (conditional write; a finished claim means "already done"), post the ledger entry
 * (its id is derived from the endToEndId), move the payment (only from `requires_payment`, with
 * its events and audit in one transaction; event ids are derived, so the outbox drops repeats),
 * then close the charge and the claim. Duplicate and out-of-order callbacks therefore change nothing.
 */
import { settleBudgets } from '../saga/budgets.js';
import { pixCreditEntry, reverseEntry, reversalEntryId } from '../../core/ledger/index.js';
import { amend, paymentView, transition, type Payment } from '../../core/payments/index.js';
import { buildEvent } from '../events.js';
import { ConcurrentUpdateError } from '../ports/payment-store.js';
import type { ReceivedPix } from '../ports/pix-psp.js';
import type { PixChargeRecord, ReceivedPixRecord } from '../ports/pix-store.js';
import type { PixDeps } from './deps.js';
import { pixChargeView } from './views.js';

export type CreditOutcome = 'credited' | 'duplicate' | 'unmatched' | 'amount_mismatch' | 'late';

const MAX_CONFLICT_RETRIES = 8;

/** Re-reads and re-applies `change` until the payment's version-conditional write lands. */
async function onPayment<T>(deps: Pick<PixDeps, 'payments'>, id: string, change: (p: Payment) => Promise<T>): Promise<T | undefined> {
  for (let i = 0; ; i++) {
    const p = await deps.payments.getById(id);
    if (!p) return undefined;
    try {
      return await change(p);
    } catch (err) {
      if (!(err instanceof ConcurrentUpdateError) || i >= MAX_CONFLICT_RETRIES) throw err;
    }
  }
}

/** A discrepancy found while crediting: audited on the payment with its event, never a success. */
async function flag(kind: 'amount_mismatch' | 'late', pix: ReceivedPix, charge: PixChargeRecord, deps: PixDeps): Promise<void> {
  const now = deps.clock.now();
  const object = {
    object: 'reconciliation_discrepancy', id: `${kind}:${pix.endToEndId}`, kind, source: 'pix', end_to_end_id: pix.endToEndId,
    txid: charge.txid, payment_id: charge.payment_id, expected_amount: charge.amount, actual_amount: pix.amount,
  };
  await onPayment(deps, charge.payment_id, (p) =>
    deps.payments.update(amend(p, now, {}), {
      events: [buildEvent({ type: 'reconciliation.discrepancy', merchantId: charge.merchant_id, object, at: now, dedupeKey: object.id })],
      audit: [{ at: now.toISOString(), actor: 'psp:pix', action: `pix.${kind}`, data: { end_to_end_id: pix.endToEndId, expected: charge.amount, received: pix.amount } }],
    }),
  );
}

export async function creditConfirmedPix(pix: ReceivedPix, deps: PixDeps): Promise<CreditOutcome> {
  const now = deps.clock.now();
  const paidAt = new Date(pix.paidAt).toISOString();
  const charge = pix.txid === undefined ? undefined : await deps.pix.getChargeByTxid(pix.txid);
  const base: ReceivedPixRecord = {
    end_to_end_id: pix.endToEndId, amount: pix.amount, paid_at: paidAt, received: now.toISOString(), status: 'pending',
    ...(pix.txid !== undefined ? { txid: pix.txid } : {}),
    ...(charge ? { merchant_id: charge.merchant_id, payment_id: charge.payment_id } : {}),
  };
  if (!charge) {
    // Money on our key for no charge of ours (a static QR, another system's txid): kept for
    // reconciliation, which reports it; nothing is credited to any merchant.
    const { record } = await deps.pix.claimReceived({ ...base, status: 'unmatched' });
    return record.status === 'unmatched' ? 'unmatched' : 'duplicate';
  }
  const claim = await deps.pix.claimReceived(base);
  if (!claim.created && claim.record.status !== 'pending') return 'duplicate';

  if (pix.amount !== charge.amount) {
    await flag('amount_mismatch', pix, charge, deps);
    await deps.pix.putReceived({ ...base, status: 'amount_mismatch' });
    return 'amount_mismatch';
  }
  const current = await deps.payments.getById(charge.payment_id);
  const paidWith = current?.attempts.find((a) => a.processor === 'pix' && a.status === 'captured')?.reference;
  const paidByAnother = current?.status === 'succeeded' && paidWith !== pix.endToEndId;
  if (!current || current.status === 'canceled' || current.status === 'failed' || paidByAnother) {
    // Paid after we gave up on the charge, or paid twice: the money is real but the payment is
    // final. A discrepancy for an operator (devolução or manual credit), never a silent success.
    await flag('late', pix, charge, deps);
    await deps.pix.putReceived({ ...base, status: 'late' });
    return 'late';
  }

  const entry = pixCreditEntry({ merchantId: charge.merchant_id, paymentId: charge.payment_id, endToEndId: pix.endToEndId, amount: pix.amount, createdAt: paidAt });
  await deps.ledger.post(entry);
  const completed: PixChargeRecord = { ...charge, status: 'completed', end_to_end_id: pix.endToEndId, paid_at: paidAt, updated: now.toISOString() };
  const landed = await onPayment(deps, charge.payment_id, async (p): Promise<'credited' | 'already' | 'lost'> => {
    if (p.status !== 'requires_payment') {
      // Between the check above and now the payment may have ended (expiry, cancel): then this
      // credit must not stand beside a canceled payment.
      const paidWithThis = p.status === 'succeeded' && p.attempts.some((a) => a.processor === 'pix' && a.reference === pix.endToEndId);
      return paidWithThis ? 'already' : 'lost';
    }
    const next = transition(p, 'succeeded', now, {
      amount_captured: pix.amount,
      next_action: null,
      attempts: p.attempts.map((a) => (a.processor === 'pix' && a.status === 'pending' ? { ...a, status: 'captured' as const, reference: pix.endToEndId } : a)),
      ledger_entries: [...new Set([...p.ledger_entries, entry.id])],
    });
    await deps.payments.update(next, {
      events: [
        buildEvent({ type: 'pix.charge.completed', merchantId: charge.merchant_id, object: pixChargeView(completed), at: now, dedupeKey: charge.txid }),
        buildEvent({ type: 'payment.succeeded', merchantId: charge.merchant_id, object: paymentView(next), at: now, dedupeKey: p.id }),
      ],
      audit: [{ at: now.toISOString(), actor: 'psp:pix', action: 'pix.received', data: { end_to_end_id: pix.endToEndId, amount: pix.amount, ledger_entry: entry.id, confirmed: true } }],
    });
    return 'credited';
  });
  if (landed === 'lost') {
    await deps.ledger.post(reverseEntry(entry, reversalEntryId(entry), now.toISOString()));
    await flag('late', pix, charge, deps);
    await deps.pix.putReceived({ ...base, status: 'late' });
    return 'late';
  }
  await deps.pix.putCharge(completed);
  await deps.pix.putReceived({ ...base, status: 'credited' });
  if (deps.agentBudget) {
    const paid = await deps.payments.getById(charge.payment_id);
    if (paid?.status === 'succeeded') await settleBudgets(paid, deps.agentBudget.budgets);
  }
  return 'credited';
}
