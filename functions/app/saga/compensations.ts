/**
 * Compensations of the payment saga, run in reverse order of the forward steps (void or refund,
 * reverse the ledger entry, release the reservation, then record the failure). Each is idempotent
 * and retried by the state machine: derived keys at the processor, derived ids in the ledger, and
 * a version-conditional write of the final state.
 */
import { buildEvent } from '../events.js';
import { reversalEntryId, reverseEntry } from '../../core/ledger/index.js';
import { isFinal, transition, paymentView, type Failure } from '../../core/payments/index.js';
import type { Attempt, Payment } from '../../core/payments/index.js';
import type { SagaContext } from './context.js';
import type { SagaDeps } from './deps.js';
import { releaseBudgets } from './budgets.js';
import { attemptEvents } from './steps.js';
import { adviseOnFailure } from './exception-advice.js';

/**
 * The payment as stored, with the attempt outcomes only the context knows. A Catch hands
 * compensation the context from *before* the failed step, which may have written since (e.g. an
 * attempt written ahead before its connector failed): compensating from the stale copy would
 * miss that attempt and lose the version race.
 */
async function fresh(ctx: SagaContext, deps: SagaDeps): Promise<Payment> {
  const stored = (await deps.payments.getById(ctx.payment.id)) ?? ctx.payment;
  const known = new Map(ctx.payment.attempts.map((a) => [a.idempotency_key, a]));
  const attempts = stored.attempts.map((a) => {
    const k = known.get(a.idempotency_key);
    return a.status === 'pending' && k && k.status !== 'pending' ? k : a;
  });
  for (const a of ctx.payment.attempts) if (!stored.attempts.some((s) => s.idempotency_key === a.idempotency_key)) attempts.push(a);
  return { ...stored, attempts };
}

/**
 * The stored payment when it already committed (succeeded or authorized): compensation must then
 * undo nothing. A Catch can route here after the commit write landed (a retried Commit that lost
 * the version race to itself, or a failure after the write), and undoing a committed payment
 * would refund money the merchant was told it has.
 */
async function committed(ctx: SagaContext, deps: SagaDeps): Promise<Payment | undefined> {
  const stored = await deps.payments.getById(ctx.payment.id);
  return stored && (stored.status === 'succeeded' || stored.status === 'authorized') ? stored : undefined;
}

/**
 * Releases one attempt the payment will not use: voids it (by reference, or by its idempotency
 * key when the outcome is unknown); if the processor had in fact already captured it, refunds it.
 * Returns the attempt as it now stands.
 */
export async function releaseAttempt(p: Payment, a: Attempt, deps: SagaDeps): Promise<Attempt> {
  const processor = deps.processors[a.processor];
  if (!processor) return a;
  const r = await processor.void({ paymentId: p.id, idempotencyKey: a.idempotency_key, ...(a.reference ? { reference: a.reference } : {}) });
  if (r.status === 'failed') throw Object.assign(new Error(`void failed at ${a.processor}: ${r.code}`), { name: 'CompensationFailed' });
  if (r.status === 'already_captured') {
    // Never leave captured money behind: refund it, under a key derived from the attempt.
    const reference = a.reference ?? r.reference;
    if (!reference) throw Object.assign(new Error(`attempt at ${a.processor} was captured but its reference is unknown`), { name: 'CompensationFailed' });
    const refund = await processor.refund({ reference, amount: p.amount, currency: p.currency, idempotencyKey: `${a.idempotency_key}:compensation-refund`, reason: 'saga_compensation' });
    if (refund.status === 'failed') throw Object.assign(new Error(`compensation refund failed at ${a.processor}: ${refund.code}`), { name: 'CompensationFailed' });
    return { ...a, status: 'voided', reference, outcome_unknown: false };
  }
  return { ...a, status: r.status === 'voided' ? 'voided' : a.status === 'pending' ? 'error' : a.status, outcome_unknown: false };
}

const isLive = (a: Attempt): boolean => a.status === 'authorized' || a.status === 'pending' || a.outcome_unknown === true;

export async function reverseLedger(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const done = await committed(ctx, deps);
  if (done) return { ...ctx, payment: done };
  if (!ctx.ledger_entry_id) return ctx;
  const entry = await deps.ledger.getEntry(ctx.ledger_entry_id);
  if (entry) await deps.ledger.post(reverseEntry(entry, reversalEntryId(entry), deps.clock.now().toISOString()));
  return ctx;
}

export async function refundCapture(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const done = await committed(ctx, deps);
  if (done) return { ...ctx, payment: done };
  const auth = ctx.authorization;
  if (!auth?.captured || !auth.processor || !auth.reference) return ctx;
  const p = ctx.payment;
  const r = await deps.processors[auth.processor]!.refund({ reference: auth.reference, amount: ctx.captured_amount ?? p.amount, currency: p.currency, idempotencyKey: `${p.id}:compensation-refund`, reason: 'saga_compensation' });
  if (r.status === 'failed') throw Object.assign(new Error(`compensation refund failed: ${r.code}`), { name: 'CompensationFailed' });
  return { ...ctx, authorization: { ...auth, captured: false } };
}

/**
 * Voids every authorization this payment holds that it will not use — including attempts whose
 * outcome is unknown (timeouts), found at the processor by their idempotency key.
 */
export async function voidAuthorization(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const done = await committed(ctx, deps);
  if (done) return { ...ctx, payment: done };
  const p = await fresh(ctx, deps);
  const attempts = [...p.attempts];
  for (let i = 0; i < attempts.length; i++) {
    const a = attempts[i]!;
    if (isLive(a)) attempts[i] = await releaseAttempt(p, a, deps);
  }
  return { ...ctx, payment: { ...p, attempts } };
}

/**
 * Before a payment commits: every attempt other than the winning one should hold no money. Best
 * effort — the processor of an unknown-outcome attempt is often the one that is down, and the
 * payment that failed over must not fail with it. An attempt that could not be released stays
 * marked `outcome_unknown` and is reported (audit); card reconciliation flags any charge it left
 * at the processor without a ledger entry (`missing_in_ledger`).
 */
export async function releaseOtherAttempts(p: Payment, winnerKey: string, deps: SagaDeps): Promise<{ payment: Payment; unreleased: string[] }> {
  const attempts = [...p.attempts];
  const unreleased: string[] = [];
  for (let i = 0; i < attempts.length; i++) {
    const a = attempts[i]!;
    if (a.idempotency_key === winnerKey || !isLive(a)) continue;
    try {
      attempts[i] = await releaseAttempt(p, a, deps);
    } catch {
      unreleased.push(a.processor);
    }
  }
  return { payment: { ...p, attempts }, unreleased };
}

export async function releaseReservation(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const done = await committed(ctx, deps);
  if (done) return { ...ctx, payment: done };
  if (deps.budgets) await releaseBudgets(ctx.payment, deps.budgets);
  return ctx;
}

function failureOf(ctx: SagaContext): Failure {
  if (ctx.failure) return ctx.failure;
  // An unexpected error reached compensation: say so without leaking internals.
  return { code: 'processing_error', message: 'The payment could not be completed; nothing was charged', retryable: true };
}

export async function markFailed(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const current = await fresh(ctx, deps);
  if (isFinal(current.status) || current.status === 'authorized') return { ...ctx, payment: current };
  const now = deps.clock.now();
  const advice = await adviseOnFailure(ctx, deps, failureOf(ctx), now);
  const failure = advice.failure;
  const p = transition(current, 'failed', now, {
    failure,
    amount_captured: 0,
    decision: { ...current.decision, ...(ctx.risk ? { risk: ctx.risk } : {}), ...(ctx.routing ? { routing: ctx.routing } : {}) },
  });
  const events = [buildEvent({ type: 'payment.failed', merchantId: p.merchant_id, object: paymentView(p), at: now, dedupeKey: p.id }), ...attemptEvents(p, now)];
  const audit = [...(ctx.pending_audit ?? []), ...advice.audit, { at: now.toISOString(), actor: 'saga', action: 'payment.failed', data: { failure, error: ctx.error?.Error ?? null } }];
  const saved = await deps.payments.update(p, { events, audit });
  return { ...ctx, payment: saved, pending_audit: [] };
}
