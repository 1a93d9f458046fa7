/**
 * The forward steps of the payment saga (statemachines/payment.asl.json). Each is idempotent: it
 * can run again after a crash or a Step Functions retry without charging, posting or announcing
 * anything twice — processor calls carry keys derived from the payment id, ledger entry ids are
 * derived from the payment, and payment writes are conditional on the version they read.
 */
import type { EventDetail } from '../../contracts/events.js';
import { buildEvent } from '../events.js';
import { cardCaptureEntry } from '../../core/ledger/index.js';
import { capFor, remainingAttempts } from '../../core/exceptions/index.js';
import { attemptFrom, isFinal, nextStep, transition, amend, paymentView, type Attempt, type Payment } from '../../core/payments/index.js';
import { releaseOtherAttempts } from './compensations.js';
import { ConcurrentUpdateError } from '../ports/payment-store.js';
import { revealCard } from '../payment-methods.js';
import { MandateLimitError } from '../ports/agent-store.js';
import type { StoredPaymentMethod } from '../ports/payment-method-store.js';
import { reserveBudgets, settleBudgets } from './budgets.js';
import type { SagaContext } from './context.js';
import type { SagaDeps } from './deps.js';

const auditOf = (ctx: SagaContext) => ctx.pending_audit ?? [];
const draft = (at: Date, actor: string, action: string, data: unknown) => ({ at: at.toISOString(), actor, action, data });

export function attemptEvents(p: Payment, at: Date): EventDetail[] {
  return p.attempts
    .filter((a) => a.status !== 'pending')
    .map((a, i) =>
      buildEvent({
        type: 'payment.attempt.completed',
        merchantId: p.merchant_id,
        at,
        dedupeKey: `${p.id}:${i}:${a.processor}:${a.status}`,
        object: {
          object: 'payment_attempt', id: `${p.id}:${i}`, payment_id: p.id, processor: a.processor, status: a.status, failure_code: a.failure_code ?? null,
          latency_ms: a.latency_ms ?? 0, amount: p.amount, currency: p.currency,
          method: p.payment_method.type, brand: p.payment_method.type === 'card' ? p.payment_method.brand : null, bin: p.payment_method.type === 'card' ? p.payment_method.bin : null,
        },
      }),
    );
}

export async function reserve(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const p = ctx.payment;
  if (!deps.budgets || isFinal(p.status)) return ctx;
  try {
    await reserveBudgets(p, deps.budgets, deps.clock.now());
  } catch (err) {
    // Over budget (or revoked/expired meanwhile): a final answer, not a fault — ReserveOutcome fails the payment.
    if (err instanceof MandateLimitError) return { ...ctx, failure: { code: 'mandate_violation', message: err.message, retryable: false, param: err.param } };
    throw err;
  }
  return ctx;
}

export async function assessRisk(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const now = deps.clock.now();
  const risk = await deps.risk.assess(ctx.payment, { now, ...(ctx.customer ? { customer: ctx.customer } : {}) });
  const next: SagaContext = { ...ctx, risk, pending_audit: [...auditOf(ctx), draft(now, 'agent:risk', 'risk.assessed', risk)] };
  if (risk.outcome === 'decline') next.failure = { code: 'risk_declined', message: 'Declined by risk assessment', retryable: false };
  return next;
}

export async function requestApproval(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const now = deps.clock.now();
  const reason = ctx.approval_required ?? 'risk_review';
  // The review (and its workflow) first: both are idempotent per payment, so a retry after a
  // crash between the two writes still leaves a payment someone can approve.
  await deps.approvals?.open(ctx.payment, reason);
  const p = transition(ctx.payment, 'requires_approval', now, { decision: { ...ctx.payment.decision, ...(ctx.risk ? { risk: ctx.risk } : {}) } });
  const event = buildEvent({ type: 'payment.requires_approval', merchantId: p.merchant_id, object: paymentView(p), at: now, dedupeKey: p.id });
  const saved = await deps.payments.update(p, { events: [event], audit: [...auditOf(ctx), draft(now, 'saga', 'payment.requires_approval', { reason })] });
  return { ...ctx, payment: saved, pending_audit: [] };
}

export async function route(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const now = deps.clock.now();
  const routing = await deps.router.rank(ctx.payment, { now });
  return { ...ctx, routing, cascade_index: 0, pending_audit: [...auditOf(ctx), draft(now, 'agent:routing', 'routing.decided', routing)] };
}

export async function authorize(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const now = deps.clock.now();
  let p = ctx.payment;
  const ranked = ctx.routing?.ranked ?? [];
  const index = ctx.cascade_index ?? 0;
  const candidate = ranked[index];
  const processor = candidate ? deps.processors[candidate.processor] : undefined;
  if (!candidate || !processor) {
    return { ...ctx, authorization: { outcome: 'failed' }, failure: ctx.failure ?? { code: 'processor_unavailable', message: 'No processor is available for this payment', retryable: true } };
  }
  if (p.payment_method.type !== 'card') throw new Error('the card saga only authorizes cards');
  const pmId = p.payment_method.id;
  const card = p.payment_method;
  const key = `${p.id}:authorize:${candidate.processor}`;
  // Resume: an attempt at this processor already recorded (a crash after the write-ahead) is
  // re-sent with the same key, so the processor answers it once.
  const known = p.attempts.findIndex((a) => a.idempotency_key === key);
  const attempt: Attempt = known >= 0 ? p.attempts[known]! : { processor: candidate.processor, status: 'pending', idempotency_key: key, started: now.toISOString() };
  if (known < 0 && deps.cardRetries) {
    // Network reattempt caps count per card across every processor: at the cap, no processor hears of it.
    if (remainingAttempts(await deps.cardRetries.history(card.fingerprint), now.getTime(), capFor(card.brand)) <= 0) {
      return { ...ctx, authorization: { outcome: 'failed' }, failure: { code: 'card_velocity_exceeded', message: 'This card reached its reattempt limit; try again later', retryable: true } };
    }
  }
  if (known < 0) {
    // Write-ahead: the attempt is durable before the processor hears of it, so a crash can never
    // leave an authorization we do not know about.
    p = amend(p, now, { attempts: [...p.attempts, attempt], decision: { ...p.decision, ...(ctx.risk ? { risk: ctx.risk } : {}), ...(ctx.routing ? { routing: ctx.routing } : {}) } });
    p = await deps.payments.update(p, { audit: [...auditOf(ctx), draft(now, 'saga', 'attempt.started', { processor: candidate.processor, index })] });
  }
  const carried = ctx.sealed_card?.payment_method_id === pmId ? ctx.sealed_card.sealed : undefined;
  // The sealed card the create request read (the vault binds it to this merchant and payment
  // method: an envelope of another one does not open), else the stored payment method.
  const pm: Pick<StoredPaymentMethod, 'id' | 'merchantId' | 'card' | 'sealed'> | undefined = carried
    ? { id: pmId, merchantId: p.merchant_id, card: { brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year, fingerprint: card.fingerprint, bin: card.bin }, sealed: carried }
    : await deps.paymentMethods.get(p.merchant_id, pmId);
  if (!pm) throw new Error(`payment method ${pmId} is gone`);
  const started = Date.now();
  const result = await processor.authorize({
    paymentId: p.id, merchantId: p.merchant_id, idempotencyKey: key, amount: p.amount, currency: p.currency,
    captureMethod: p.capture_method, card: await revealCard(pm, deps.vault), ...(p.description ? { description: p.description } : {}),
  });
  const done = attemptFrom(result, attempt, Date.now() - started);
  if (done.status === 'declined' && deps.cardRetries) await deps.cardRetries.record(card.fingerprint, now.getTime());
  const attempts = p.attempts.map((a) => (a.idempotency_key === key ? done : a));
  const step = nextStep(result, index + 1 < ranked.length);
  const later = deps.clock.now();
  const audit = [draft(later, `psp:${candidate.processor}`, 'attempt.completed', { processor: candidate.processor, status: done.status, failure_code: done.failure_code ?? null, latency_ms: done.latency_ms })];
  // Not written now: the next write (next attempt, commit or failure) carries it.
  const next: SagaContext = { ...ctx, payment: { ...p, attempts }, pending_audit: audit };
  if (step.outcome === 'authorized' && result.status === 'authorized') {
    const riskSignal = result.riskScore;
    return { ...next, authorization: { outcome: 'authorized', processor: candidate.processor, reference: result.reference, captured: result.captured }, ...(riskSignal !== undefined ? { pending_audit: [...audit, draft(later, `psp:${candidate.processor}`, 'processor.risk_signal', { score: riskSignal })] } : {}) };
  }
  if (step.outcome === 'try_next') return { ...next, authorization: { outcome: 'try_next' }, cascade_index: index + 1 };
  return { ...next, authorization: { outcome: 'failed' }, failure: step.outcome === 'failed' ? step.failure : { code: 'processing_error', message: 'Authorization failed', retryable: true } };
}

export async function capture(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const auth = ctx.authorization;
  const p = ctx.payment;
  if (!auth?.processor || !auth.reference) throw new Error('capture without an authorization');
  if (auth.captured) return { ...ctx, captured_amount: p.amount };
  const r = await deps.processors[auth.processor]!.capture({ reference: auth.reference, amount: p.amount, currency: p.currency, idempotencyKey: `${p.id}:capture` });
  if (r.status !== 'captured') throw Object.assign(new Error(`capture failed: ${r.code}`), { name: 'CaptureFailed' });
  return { ...ctx, captured_amount: r.amountCaptured, authorization: { ...auth, captured: true } };
}

export async function postLedger(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const p = ctx.payment;
  const entry = cardCaptureEntry({ merchantId: p.merchant_id, paymentId: p.id, psp: ctx.authorization?.processor ?? 'unknown', currency: p.currency, amount: ctx.captured_amount ?? p.amount, createdAt: deps.clock.now().toISOString() });
  await deps.ledger.post(entry);
  return { ...ctx, ledger_entry_id: entry.id };
}

export async function commit(ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const now = deps.clock.now();
  const auth = ctx.authorization!;
  const captured = auth.captured === true;
  const winnerKey = `${ctx.payment.id}:authorize:${auth.processor}`;
  // An earlier attempt whose outcome is unknown (a timeout) may hold money at its processor: it is
  // voided (or refunded) before this payment commits to the winning one — never a double charge.
  const { payment: cleaned, unreleased } = await releaseOtherAttempts(ctx.payment, winnerKey, deps);
  const attempts = cleaned.attempts.map((a) => (a.processor === auth.processor && a.status === 'authorized' && captured ? { ...a, status: 'captured' as const } : a));
  const p = transition(ctx.payment, captured ? 'succeeded' : 'authorized', now, {
    processor: auth.processor ?? null,
    ...(auth.reference ? { processor_reference: auth.reference } : {}),
    amount_captured: captured ? (ctx.captured_amount ?? ctx.payment.amount) : 0,
    attempts,
    ledger_entries: ctx.ledger_entry_id ? [...new Set([...ctx.payment.ledger_entries, ctx.ledger_entry_id])] : ctx.payment.ledger_entries,
    decision: { ...ctx.payment.decision, ...(ctx.risk ? { risk: ctx.risk } : {}), ...(ctx.routing ? { routing: ctx.routing } : {}) },
  });
  const type = captured ? 'payment.succeeded' : 'payment.authorized';
  const events = [buildEvent({ type, merchantId: p.merchant_id, object: paymentView(p), at: now, dedupeKey: p.id }), ...attemptEvents(p, now)];
  let saved: Payment;
  try {
    const released = unreleased.length ? [draft(now, 'saga', 'attempt.release_failed', { processors: unreleased, note: 'outcome unknown; left to reconciliation' })] : [];
    saved = await deps.payments.update(p, { events, audit: [...auditOf(ctx), ...released, draft(now, 'saga', type, { processor: p.processor, amount_captured: p.amount_captured })] });
  } catch (err) {
    // A retried Commit whose first write landed loses the version race to itself: that is success.
    const stored = err instanceof ConcurrentUpdateError ? await deps.payments.getById(p.id) : undefined;
    if (!stored || (stored.status !== 'succeeded' && stored.status !== 'authorized')) throw err;
    saved = stored;
  }
  if (captured && deps.budgets) {
    // Best effort once committed: an unsettled reservation still counts against the budget, so a
    // failure here can only under-use the mandate, never overspend it — and must not compensate.
    await settleBudgets(p, deps.budgets).catch(() => undefined);
  }
  return { ...ctx, payment: saved, pending_audit: [] };
}
