/** A deterministic explanation of a payment, from its own record (no LLM, no audit read). */
import { toDecimalString } from '../../core/money.js';
import type { Payment } from '../../core/payments/index.js';

export function explainDeterministically(p: Payment) {
  const money = `${toDecimalString(p.amount, p.currency)} ${p.currency.toUpperCase()}`;
  const details: string[] = [];
  if (p.decision.risk) details.push(`Risk: score ${p.decision.risk.score} → ${p.decision.risk.outcome}.`);
  if (p.decision.routing) details.push(`Routing chose ${p.decision.routing.chosen} (${p.decision.routing.reason}).`);
  p.attempts.forEach((a, i) => details.push(`Attempt ${i + 1} at ${a.processor}: ${a.status}${a.failure_code ? ` (${a.failure_code})` : ''}.`));
  if (p.failure) details.push(`Failure: ${p.failure.code} — ${p.failure.message}${p.failure.param ? ` (limit: ${p.failure.param})` : ''}.`);
  const summary =
    p.status === 'succeeded' ? `The payment of ${money} succeeded at ${p.processor ?? 'the processor'}.`
    : p.status === 'failed' ? `The payment of ${money} failed: ${p.failure?.message ?? 'see details'}.`
    : p.status === 'requires_approval' ? `The payment of ${money} is waiting for a human approval.`
    : `The payment of ${money} is ${p.status}.`;
  return { payment_id: p.id, summary, details, source: 'deterministic' as const };
}
