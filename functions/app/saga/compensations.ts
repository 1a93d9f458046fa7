/**
 * Compensations of the payment saga, run in reverse order of the forward steps (void or refund,
 * reverse the ledger entry, release the reservation, then record the failure). Each is idempotent
 * and retried by the state machine: derived keys at the processor, derived ids in the ledger, and
 * a version-conditional write of the final state.
 */
import { buildEvent } from '../events.js';
import { reversalEntryId, reverseEntry } from '../../core/ledger/index.js';
import { isFinal, transition, paymentView, type Failure } from '../../core/payments/index.js';
import type { Payment } from '../../core/payments/index.js';
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

export async function reverseLedger(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  if (!ctx.ledger_entry_id) return ctx;
  const entry = await deps.ledger.getEntry(ctx.ledger_entry_id);
  if (entry) await deps.ledger.post(reverseEntry(entry, reversalEntryId(entry), deps.clock.now().toISOString()));
  return ctx;
}

export async function refundCapture(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
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
  const p = await fresh(ctx, deps);
  const attempts = [...p.attempts];
  for (let i = 0; i < attempts.length; i++) {
    const a = attempts[i]!;
    const live = a.status === 'authorized' || a.status === 'pending' || a.outcome_unknown === true;
    const processor = deps.processors[a.processor];
    if (!live || !processor) continue;
    const r = await processor.void({ paymentId: p.id, idempotencyKey: a.idempotency_key, ...(a.reference ? { reference: a.reference } : {}) });
    if (r.status === 'failed') throw Object.assign(new Error(`void failed at ${a.processor}: ${r.code}`), { name: 'CompensationFailed' });
    if (r.status === 'voided' || r.status === 'not_found') attempts[i] = { ...a, status: r.status === 'voided' ? 'voided' : a.status === 'pending' ? 'error' : a.status, outcome_unknown: false };
  }
  return { ...ctx, payment: { ...p, attempts } };
}

export async function releaseReservation(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
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
  if (isFinal(current.status)) return ctx;
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
