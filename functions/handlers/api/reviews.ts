import { decide, listReviews } from '../../app/approvals.js';
import { decideReviewRequest, listReviewsQuery } from '../../contracts/api/reviews.js';
import { AppError } from '../../core/errors.js';
import { actingMerchant, httpApi, type RouteRequest } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { idempotencyStore } from '../root.js';
import { approvalDeps, reviewStore } from '../root-mandates.js';

/** Each approver is a merchant key, identified by its key id (two distinct ones above the dual threshold). */
function approver(req: RouteRequest): string {
  if (req.principal?.kind !== 'merchant') throw new AppError('forbidden', 'Only a merchant key can decide a review');
  return req.principal.keyId;
}

const decideAs = (decision: 'approve' | 'decline') => async (req: RouteRequest) => {
  parseWith(decideReviewRequest, req.body ?? {});
  return json(200, await decide(actingMerchant(req), req.params['id'] ?? '', approver(req), decision, approvalDeps()));
};

export const handler = httpApi(
  {
    'GET /v1/reviews': async (req) => json(200, await listReviews(reviewStore(), actingMerchant(req), parseWith(listReviewsQuery, req.query))),
    'POST /v1/reviews/{id}/approve': decideAs('approve'),
    'POST /v1/reviews/{id}/decline': decideAs('decline'),
  },
  [idempotency(idempotencyStore)],
);
