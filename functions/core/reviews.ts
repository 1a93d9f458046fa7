/**
 * Human approval of a payment (API.md "Approvals"): a review collects approvals from distinct
 * approvers (merchant keys, by key id); above the dual-control threshold two are required. The
 * first decline decides. Pure: the store applies the result with a conditional write.
 */
import { AppError } from './errors.js';

export type ReviewStatus = 'pending' | 'approved' | 'declined' | 'expired';

export interface Review {
  readonly id: string;
  readonly merchant_id: string;
  readonly payment_id: string;
  readonly agent_id?: string;
  readonly amount: number;
  readonly currency: string;
  readonly reason: 'risk_review' | 'mandate_threshold';
  readonly status: ReviewStatus;
  readonly required_approvals: number;
  readonly approvals: ReadonlyArray<{ readonly key_id: string; readonly at: string }>;
  readonly declined_by?: string;
  readonly created: string;
  readonly updated: string;
  /** Bumped on every change (optimistic concurrency). */
  readonly version: number;
}

/** Two approvers above `dualAbove` (minor units), one otherwise. */
export function requiredApprovals(amount: number, dualAbove: number): number {
  return amount > dualAbove ? 2 : 1;
}

export function decideReview(r: Review, decision: 'approve' | 'decline', keyId: string, at: Date): Review {
  if (r.status !== 'pending') throw new AppError('invalid_state', `The review is already ${r.status}`);
  const base = { updated: at.toISOString(), version: r.version + 1 };
  if (decision === 'decline') return { ...r, ...base, status: 'declined', declined_by: keyId };
  if (r.approvals.some((a) => a.key_id === keyId)) {
    throw new AppError('invalid_state', 'This approver already approved; a second, distinct approver is required');
  }
  const approvals = [...r.approvals, { key_id: keyId, at: at.toISOString() }];
  return { ...r, ...base, approvals, status: approvals.length >= r.required_approvals ? 'approved' : 'pending' };
}

export function reviewView(r: Review) {
  return {
    id: r.id, object: 'review' as const, payment_id: r.payment_id, status: r.status, reason: r.reason,
    amount: r.amount, currency: r.currency, required_approvals: r.required_approvals,
    approvals: r.approvals.map((a) => ({ key_id: a.key_id, at: a.at })),
    ...(r.agent_id ? { agent_id: r.agent_id } : {}), created: r.created, updated: r.updated,
  };
}
