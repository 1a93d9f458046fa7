/**
 * A churn-risk flag from a subscription's payment history: involuntary churn shows up as
 * consecutive failed renewals, a customer downgrading shows up as declining amounts, and a dispute
 * is the strongest signal of all. Deterministic and explainable: each reason adds a weight.
 */
import type { BillingRecord } from './types.js';

export type ChurnLevel = 'low' | 'medium' | 'high';
export interface ChurnRisk {
  readonly level: ChurnLevel;
  readonly score: number;
  readonly reasons: readonly string[];
}

const DISPUTE_WINDOW_MS = 90 * 86_400_000;

/** Trailing run of failed periods (the newest records first). */
export function consecutiveFailures(history: readonly BillingRecord[]): number {
  let n = 0;
  for (let i = history.length - 1; i >= 0 && history[i]!.outcome === 'failed'; i--) n++;
  return n;
}

/** The last three paid amounts strictly decrease. */
export function decliningAmounts(history: readonly BillingRecord[]): boolean {
  const paid = history.filter((h) => h.outcome === 'paid').slice(-3).map((h) => h.amount);
  return paid.length === 3 && paid[0]! > paid[1]! && paid[1]! > paid[2]!;
}

/** Churn risk at `now` (epoch ms). */
export function churnRisk(history: readonly BillingRecord[], disputes: readonly string[], now: number): ChurnRisk {
  const reasons: string[] = [];
  let score = 0;
  const fails = consecutiveFailures(history);
  if (fails > 0) {
    score += Math.min(0.6, 0.25 * fails);
    reasons.push(`consecutive_failures:${fails}`);
  }
  if (decliningAmounts(history)) {
    score += 0.3;
    reasons.push('declining_amounts');
  }
  const recent = disputes.filter((d) => now - Date.parse(d) <= DISPUTE_WINDOW_MS && Date.parse(d) <= now).length;
  if (recent > 0) {
    score += Math.min(0.8, 0.5 * recent);
    reasons.push(`recent_disputes:${recent}`);
  }
  score = Math.min(1, Math.round(score * 100) / 100);
  return { level: score >= 0.6 ? 'high' : score >= 0.3 ? 'medium' : 'low', score, reasons };
}
