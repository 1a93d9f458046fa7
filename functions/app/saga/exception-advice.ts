/**
 * The exception agent in the saga's failure path: `decideException` turns the failure into what
 * happens next (retry elsewhere, retry later at…, offer Pix, review, stop), recorded on the
 * payment's `failure` (`next_step`, `advice`, `decline_category`) and in its audit trail. It only
 * advises: the saga has already stopped, and nothing here moves money.
 */
import type { AuditDraft } from '../../core/audit/index.js';
import { classifyFailure, decideException, EMPTY_HISTORY, isFailureCode } from '../../core/exceptions/index.js';
import type { Failure, Payment } from '../../core/payments/index.js';
import type { SagaContext } from './context.js';
import type { SagaDeps } from './deps.js';

export async function adviseOnFailure(ctx: SagaContext, deps: SagaDeps, failure: Failure, now: Date): Promise<{ failure: Failure; audit: AuditDraft[] }> {
  const p: Payment = ctx.payment;
  // Risk declines and internal errors are not processor failures: nothing to retry or degrade.
  if (!isFailureCode(failure.code) || (failure.code === 'processing_error' && p.attempts.length === 0)) return { failure, audit: [] };
  const card = p.payment_method.type === 'card' ? p.payment_method : undefined;
  const history = card && deps.cardRetries ? await deps.cardRetries.history(card.fingerprint) : EMPTY_HISTORY;
  const tried = new Set(p.attempts.map((a) => a.processor));
  const decision = decideException({ code: failure.code }, {
    now: now.getTime(), method: p.payment_method.type, ...(card ? { brand: card.brand } : {}),
    card_history: history,
    remaining_processors: (ctx.routing?.ranked ?? []).filter((r) => !tried.has(r.processor)).length,
    // A person at a checkout cannot wait for a retry in an hour; an autonomous agent can.
    customer_present: p.agent_id === undefined,
    pix_available: p.currency === 'brl',
  });
  const next_step: NonNullable<Failure['next_step']> = decision.action === 'retry_later' ? { action: decision.action, at: decision.at }
    : decision.action === 'degrade' ? { action: decision.action, offer: decision.offer } : { action: decision.action };
  const advised: Failure = { ...failure, decline_category: failure.decline_category ?? classifyFailure({ code: failure.code }, card?.brand).kind, next_step, advice: decision.reason };
  return { failure: advised, audit: [{ at: now.toISOString(), actor: 'agent:exceptions', action: 'exception.decided', data: decision }] };
}
