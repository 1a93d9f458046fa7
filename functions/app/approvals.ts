/**
 * Human approval of payments (API.md "Approvals"). The saga's RequestApproval step opens a review
 * and starts the approval workflow, whose first Task waits on a task token stored on the review.
 * Decisions are conditional writes on the review; whichever side comes second — the decision or
 * the token — answers the token (SendTaskSuccess / SendTaskFailure), so neither order loses it.
 * Approved → the workflow runs the payment saga again from routing; declined or timed out → the
 * reservation is released and the payment ends failed (declined) or canceled (expired).
 */
import { deterministicId } from '../core/ids.js';
import { AppError, notFound } from '../core/errors.js';
import { decideReview, requiredApprovals, reviewView, type Review } from '../core/reviews.js';
import { transition, paymentView, type Payment } from '../core/payments/index.js';
import { buildEvent } from './events.js';
import { releaseBudgets } from './saga/budgets.js';
import type { BudgetReservations } from './saga/deps.js';
import type { AgentStore } from './ports/agent-store.js';
import { ConcurrentUpdateError, type PaymentStore } from './ports/payment-store.js';
import type { PaymentWorkflow } from './ports/payment-workflow.js';
import type { ApprovalWorkflow, ReviewStore, StoredReview } from './ports/review-store.js';
import type { Clock } from './ports/system.js';

export interface ApprovalDeps {
  readonly reviews: ReviewStore;
  readonly workflow: ApprovalWorkflow;
  readonly clock: Clock;
  readonly dualAbove: number;
}

export const reviewIdOf = (paymentId: string): string => deterministicId('rev', paymentId);

export async function openReview(p: Payment, reason: Review['reason'], deps: ApprovalDeps): Promise<StoredReview> {
  const now = deps.clock.now().toISOString();
  const review = await deps.reviews.create({
    id: reviewIdOf(p.id), merchant_id: p.merchant_id, payment_id: p.id, ...(p.agent_id ? { agent_id: p.agent_id } : {}),
    amount: p.amount, currency: p.currency, reason, status: 'pending', required_approvals: requiredApprovals(p.amount, deps.dualAbove),
    approvals: [], created: now, updated: now, version: 1,
  });
  await deps.workflow.start({ review_id: review.id, payment_id: p.id, merchant_id: p.merchant_id });
  return review;
}

async function answer(r: StoredReview, workflow: ApprovalWorkflow): Promise<void> {
  if (!r.task_token || r.status === 'pending') return;
  if (r.status === 'approved') await workflow.succeed(r.task_token, { approved: true, review_id: r.id });
  else await workflow.fail(r.task_token, 'ReviewDeclined', JSON.stringify({ review_id: r.id, status: r.status }));
}

/** Approve or decline as the approver `keyId` (a merchant key id). */
export async function decide(merchantId: string, reviewId: string, keyId: string, decision: 'approve' | 'decline', deps: ApprovalDeps) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await deps.reviews.get(merchantId, reviewId);
    if (!r) throw notFound('review');
    const next = decideReview(r, decision, keyId, deps.clock.now());
    try {
      const saved = await deps.reviews.update(next);
      await answer(saved, deps.workflow);
      return reviewView(saved);
    } catch (err) {
      if (!(err instanceof ConcurrentUpdateError)) throw err;
    }
  }
  throw new AppError('idempotency_in_flight', 'The review is being decided concurrently; retry', { retryAfterSeconds: 1 });
}

export async function listReviews(reviews: ReviewStore, merchantId: string, q: { status?: string | undefined; limit: number; starting_after?: string | undefined }) {
  const r = await reviews.list(merchantId, { limit: q.limit, startingAfter: q.starting_after, status: q.status });
  return { object: 'list' as const, data: r.data.map(reviewView), has_more: r.hasMore };
}

/** The workflow's waiting Task: keep its token on the review; answer at once if already decided. */
export async function awaitDecision(reviewId: string, token: string, deps: ApprovalDeps): Promise<void> {
  const r = await deps.reviews.setTaskToken(reviewId, token);
  await answer(r, deps.workflow);
}

export interface ResumeDeps {
  readonly payments: PaymentStore;
  readonly workflow: PaymentWorkflow;
  readonly clock: Clock;
  readonly budgets?: BudgetReservations;
  readonly agents?: AgentStore;
  readonly reviews: ReviewStore;
}

/** Approved: the payment goes back to processing and the saga runs again from routing. */
export async function resumeApproved(paymentId: string, deps: ResumeDeps): Promise<Payment | undefined> {
  let p = await deps.payments.getById(paymentId);
  if (!p) return undefined;
  const now = deps.clock.now();
  if (p.status === 'requires_approval') {
    p = await deps.payments.update(transition(p, 'processing', now), { audit: [{ at: now.toISOString(), actor: 'reviewer', action: 'review.approved', data: { review_id: reviewIdOf(p.id) } }] });
    if (p.agent_id) await deps.agents?.recordTrust(p.agent_id, 'review_approved', now);
  }
  // `processing` again after a crash: the saga's steps are idempotent, running it again is safe.
  if (p.status !== 'processing') return p;
  return (await deps.workflow.run({ payment: p, approved: true })).payment;
}

/** Declined (→ failed) or timed out (→ canceled): release the reservation, announce the end. */
export async function rejectPending(paymentId: string, why: 'declined' | 'expired', deps: ResumeDeps): Promise<Payment | undefined> {
  const p = await deps.payments.getById(paymentId);
  if (!p || p.status !== 'requires_approval') return p;
  const now = deps.clock.now();
  if (why === 'expired') {
    const r = await deps.reviews.getById(reviewIdOf(p.id));
    if (r?.status === 'pending') await deps.reviews.update({ ...r, status: 'expired', updated: now.toISOString(), version: r.version + 1 }).catch(() => undefined);
  }
  const next = why === 'declined'
    ? transition(p, 'failed', now, { failure: { code: 'approval_declined', message: 'A reviewer declined the payment; nothing was charged', retryable: false } })
    : transition(p, 'canceled', now, { failure: { code: 'approval_expired', message: 'Nobody approved the payment in time; nothing was charged', retryable: true } });
  const type = why === 'declined' ? 'payment.failed' : 'payment.canceled';
  const saved = await deps.payments.update(next, {
    events: [buildEvent({ type, merchantId: p.merchant_id, object: paymentView(next), at: now, dedupeKey: p.id })],
    audit: [{ at: now.toISOString(), actor: 'reviewer', action: `review.${why}`, data: { review_id: reviewIdOf(p.id) } }],
  });
  // Released only once the end is written: before it, a concurrent approval could still charge it.
  if (deps.budgets) await releaseBudgets(p, deps.budgets);
  if (why === 'declined' && p.agent_id) await deps.agents?.recordTrust(p.agent_id, 'review_declined', now);
  return saved;
}
