/**
 * Smart retries for a failed renewal (dunning). The exception taxonomy decides whether the card
 * may be retried at all and the earliest moment (decideException: merchant-initiated, nobody at a
 * checkout, no processor left in this attempt — the saga already cascaded); the dunning spacing
 * (1, 3, 5 days after the previous try) keeps retries where issuers approve them, and the card
 * network reattempt caps (Visa 15/30 d, Mastercard 10/24 h) still apply through decideException.
 */
import { decideException, isFailureCode, kindOfCode } from '../exceptions/index.js';

/** Days between a failed try and the next one: after the 1st failure 1 day, then 3, then 5. */
export const DUNNING_SPACING_DAYS: readonly number[] = [1, 3, 5];

const DAY_MS = 86_400_000;

export type DunningPlan =
  | { readonly action: 'retry'; readonly at: string; readonly category: string; readonly reason: string }
  | { readonly action: 'stop'; readonly category: string; readonly reason: string };

export interface DunningInput {
  readonly failure_code: string;
  readonly brand?: string;
  /** Tries made for this invoice so far, including the one that just failed (≥ 1). */
  readonly attempts: number;
  /** Epoch ms of this card's recent attempts (the reattempt caps count them). */
  readonly attempt_times: readonly number[];
  /** Epoch ms. */
  readonly now: number;
}

/**
 * What to do after the `attempts`-th try of an invoice failed: retry at a time, or stop (a hard
 * decline, a data error, a fraud signal, or the retries are used up).
 * @example planDunning({ failure_code: 'insufficient_funds', attempts: 1, attempt_times: [t], now: t }) // retry at t + 1 day
 */
export function planDunning(input: DunningInput): DunningPlan {
  if (!isFailureCode(input.failure_code)) return { action: 'stop', category: 'not_retryable', reason: `${input.failure_code} is not a processor failure` };
  const category = kindOfCode(input.failure_code);
  const decision = decideException({ code: input.failure_code }, {
    now: input.now, method: 'card', ...(input.brand ? { brand: input.brand } : {}),
    card_history: { attempts: [...input.attempt_times].sort((a, b) => a - b) },
    remaining_processors: 0, customer_present: false, pix_available: false,
  });
  if (decision.action !== 'retry_later' && decision.action !== 'retry_elsewhere_now') {
    return { action: 'stop', category: decision.kind, reason: decision.reason };
  }
  const spacing = DUNNING_SPACING_DAYS[input.attempts - 1];
  if (spacing === undefined) return { action: 'stop', category: decision.kind, reason: `retries exhausted after ${input.attempts} attempts` };
  const earliest = decision.action === 'retry_later' ? Date.parse(decision.at) : input.now;
  const at = Math.max(earliest, input.now + spacing * DAY_MS);
  return { action: 'retry', at: new Date(at).toISOString(), category: category === decision.kind ? category : decision.kind, reason: decision.reason };
}
