import { describe, expect, it } from 'vitest';
import { decideReview, requiredApprovals, type Review } from '../../../functions/core/reviews.js';

const at = new Date('2026-11-22T12:00:00Z');
const review = (amount: number): Review => ({
  id: 'rev_1', merchant_id: 'mer_1', payment_id: 'pay_1', amount, currency: 'brl', reason: 'mandate_threshold', status: 'pending',
  required_approvals: requiredApprovals(amount, 1_000_000), approvals: [], created: '', updated: '', version: 1,
});

describe('review decisions (core)', () => {
  it('one approval decides below the dual-control threshold', () => {
    expect(decideReview(review(1_000_000), 'approve', 'key_a', at)).toMatchObject({ status: 'approved', version: 2 });
  });

  it('above it two distinct approvers are needed, and the same approver twice is refused', () => {
    const first = decideReview(review(1_000_001), 'approve', 'key_a', at);
    expect(first.status).toBe('pending');
    expect(() => decideReview(first, 'approve', 'key_a', at)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(decideReview(first, 'approve', 'key_b', at).status).toBe('approved');
  });

  it('a decline decides at once and a decided review cannot change', () => {
    const declined = decideReview(review(10), 'decline', 'key_a', at);
    expect(declined).toMatchObject({ status: 'declined', declined_by: 'key_a' });
    expect(() => decideReview(declined, 'approve', 'key_b', at)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });
});
