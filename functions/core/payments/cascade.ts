/**
 * Authorization cascade (DESIGN.md §2): try the ranked processors in order; move on after a soft
 * decline, a processor error or a timeout; stop at a hard decline, which is never retried
 * elsewhere (a second issuer answer for the same card would be the same, and retrying a hard
 * decline breaks card-network rules).
 */
import type { AuthorizeResult } from './processor-outcome.js';
import type { Attempt, Failure } from './types.js';

export type CascadeStep =
  | { readonly outcome: 'authorized' }
  | { readonly outcome: 'try_next' }
  | { readonly outcome: 'failed'; readonly failure: Failure };

export function attemptFrom(result: AuthorizeResult, base: Pick<Attempt, 'processor' | 'idempotency_key' | 'started'>, latencyMs: number): Attempt {
  switch (result.status) {
    case 'authorized':
      return { ...base, status: result.captured ? 'captured' : 'authorized', reference: result.reference, latency_ms: latencyMs };
    case 'declined':
      return { ...base, status: 'declined', failure_code: result.code, latency_ms: latencyMs, ...(result.reference ? { reference: result.reference } : {}) };
    case 'error':
      return { ...base, status: result.code === 'timeout' ? 'timeout' : 'error', failure_code: result.code, latency_ms: latencyMs, ...(result.outcomeUnknown ? { outcome_unknown: true } : {}) };
  }
}

export function nextStep(result: AuthorizeResult, hasMoreCandidates: boolean): CascadeStep {
  switch (result.status) {
    case 'authorized':
      return { outcome: 'authorized' };
    case 'declined':
      if (!result.hard && hasMoreCandidates) return { outcome: 'try_next' };
      return {
        outcome: 'failed',
        failure: { code: result.code, message: result.message, retryable: !result.hard, ...(result.declineCategory ? { decline_category: result.declineCategory } : {}) },
      };
    case 'error':
      if (hasMoreCandidates) return { outcome: 'try_next' };
      return { outcome: 'failed', failure: { code: result.code, message: 'No processor could authorize the payment', retryable: true } };
  }
}
