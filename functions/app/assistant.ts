/**
 * The assistant behind `POST /v1/payments/{id}/explain`: a deterministic explanation built from
 * the payment, its decisions and its audit trail, always available; with an LLM advisor
 * configured, the LLM's text (it reads the same records through read-only tools) becomes the
 * summary, and any failure of it falls back to the deterministic one. Reads only; never on the
 * payment path.
 */
import type { AuditEntry } from '../core/audit/index.js';
import { paymentView, type Payment } from '../core/payments/index.js';
import { getPayment } from './payments.js';
import type { AuditTrail } from './ports/audit-trail.js';
import type { LlmAdvisor } from './ports/llm-advisor.js';
import type { PaymentStore } from './ports/payment-store.js';

export type Explanation = { payment_id: string; summary: string; details: string[]; source: 'deterministic' | 'bedrock' };

export interface AssistantDeps {
  readonly payments: PaymentStore;
  readonly audit: AuditTrail;
  readonly advisor?: LlmAdvisor;
  readonly onAdvisorError?: (err: unknown) => void;
}

const EXPONENT: Record<string, number> = { jpy: 0, krw: 0, clp: 0, kwd: 3, bhd: 3, jod: 3, omr: 3, tnd: 3 };

/** `1990 brl` → `BRL 19.90`, with integer arithmetic only. */
export function formatMoney(amount: number, currency: string): string {
  const e = EXPONENT[currency] ?? 2;
  const neg = amount < 0 ? '-' : '';
  const abs = String(Math.abs(amount)).padStart(e + 1, '0');
  return `${currency.toUpperCase()} ${neg}${e === 0 ? abs : `${abs.slice(0, -e)}.${abs.slice(-e)}`}`;
}

function headline(p: Payment): string {
  const money = formatMoney(p.amount, p.currency);
  const tries = p.attempts.length === 1 ? '1 attempt' : `${p.attempts.length} attempts`;
  switch (p.status) {
    case 'succeeded': return `Payment ${p.id} of ${money} succeeded at ${p.processor ?? 'the processor'} after ${tries}.`;
    case 'authorized': return `Payment ${p.id} of ${money} is authorized at ${p.processor ?? 'the processor'} and waits for capture.`;
    case 'failed': {
      const f = p.failure;
      const why = f ? `${f.code}${f.decline_category ? ` (${f.decline_category})` : ''}: ${f.message}` : 'an unknown error';
      const next = f?.next_step ? ` Next step: ${f.next_step.action.replace(/_/g, ' ')}${f.next_step.at ? ` at ${f.next_step.at}` : ''}${f.next_step.offer ? ` (offer ${f.next_step.offer})` : ''}.` : '';
      return `Payment ${p.id} of ${money} failed after ${tries} because of ${why}.${next}`;
    }
    case 'requires_approval': return `Payment ${p.id} of ${money} is waiting for a human approval.`;
    default: return `Payment ${p.id} of ${money} is ${p.status.replace(/_/g, ' ')}.`;
  }
}

export function deterministicExplanation(p: Payment, audit: readonly AuditEntry[]): Explanation {
  const details: string[] = [];
  const risk = p.decision.risk;
  if (risk) {
    const reasons = risk.reasons.slice(0, 3).map((r) => `${r.feature} ${r.contribution >= 0 ? '+' : ''}${r.contribution}`).join(', ');
    details.push(`Risk: score ${risk.score}, outcome ${risk.outcome}${reasons ? `; main factors: ${reasons}` : ''}.`);
  }
  const routing = p.decision.routing;
  if (routing) {
    const ranked = routing.ranked.map((r) => `${r.processor} (success ${Math.round(r.expected_success * 100)}%, fee ${formatMoney(r.expected_cost, p.currency)})`).join(' > ');
    details.push(`Routing chose ${routing.chosen}: ${ranked || 'no candidate'}; ${routing.reason}.`);
  }
  p.attempts.forEach((a, i) => details.push(`Attempt ${i + 1} at ${a.processor}: ${a.status}${a.failure_code ? ` (${a.failure_code})` : ''}${a.latency_ms !== undefined ? `, ${a.latency_ms} ms` : ''}.`));
  if (p.failure?.advice) details.push(`Exception agent: ${p.failure.advice}.`);
  if (p.amount_refunded > 0) details.push(`Refunded ${formatMoney(p.amount_refunded, p.currency)}.`);
  details.push(`Audit trail: ${audit.length} entries (${audit.map((e) => e.action).join(', ')}).`);
  return { payment_id: p.id, summary: headline(p), details, source: 'deterministic' };
}

export async function explainPayment(merchantId: string, paymentId: string, deps: AssistantDeps): Promise<Explanation> {
  const p = await getPayment(deps.payments, merchantId, paymentId);
  const audit = await deps.audit.list(p.id);
  const base = deterministicExplanation(p, audit);
  if (!deps.advisor) return base;
  // The tools see only this merchant's payments: another merchant's id is "not found" to the LLM too.
  const own = async (id: string) => deps.payments.get(merchantId, id);
  try {
    const text = await deps.advisor.explain({
      paymentId: p.id,
      question: `Explain to the merchant, in plain language, what happened to payment ${p.id} and why.`,
      tools: {
        get_payment: async (id) => { const x = await own(id); return x ? paymentView(x) : undefined; },
        get_audit_trail: async (id) => ((await own(id)) ? deps.audit.list(id) : undefined),
      },
    });
    if (text.trim() === '') return base;
    return { ...base, summary: text.trim(), source: 'bedrock' };
  } catch (err) {
    deps.onAdvisorError?.(err);
    return base;
  }
}
