import type { Review } from '../../core/reviews.js';

export interface StoredReview extends Review {
  /** The approval workflow's task token, once its waiting Task has started. */
  readonly task_token?: string;
}

export interface ReviewStore {
  /** Creates the review unless one exists with its (deterministic) id; returns the stored one. */
  create(r: Review): Promise<StoredReview>;
  get(merchantId: string, id: string): Promise<StoredReview | undefined>;
  getById(id: string): Promise<StoredReview | undefined>;
  list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined; status?: string | undefined }): Promise<{ data: StoredReview[]; hasMore: boolean }>;
  /** Replaces the review if its stored version is `next.version - 1`; returns it with its token. @throws ConcurrentUpdateError */
  update(next: Review): Promise<StoredReview>;
  /** Stores the waiting Task's token; returns the review as it is now. */
  setTaskToken(id: string, token: string): Promise<StoredReview>;
}

/** Starts the approval workflow and answers its waiting Task (Step Functions task tokens). */
export interface ApprovalWorkflow {
  start(input: { review_id: string; payment_id: string; merchant_id: string }): Promise<void>;
  /** Answers the token; an already answered or expired token is ignored (the other side won). */
  succeed(token: string, output: unknown): Promise<void>;
  fail(token: string, error: string, cause: string): Promise<void>;
}
