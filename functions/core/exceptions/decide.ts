import { assertNever, isFraudSignal, kindOfCode, type FailureCode, type FailureKind } from './failure-codes.js';
import { mastercardAdvice, visaAdvice, type NetworkAdvice, type VisaCategory } from './network-signals.js';
import { capFor, nextAllowedAt, remainingAttempts, type CardRetryHistory } from './retry-caps.js';

/** A failed attempt as the connector normalized it. */
export type AttemptFailure = {
  readonly code: FailureCode;
  readonly visa_category?: VisaCategory;
  /** Mastercard Merchant Advice Code, e.g. "03". */
  readonly mc_advice_code?: string;
};

export type ExceptionContext = {
  /** Epoch ms from the caller's clock. */
  readonly now: number;
  readonly method: string;
  readonly brand?: string;
  /** This card's attempts across all processors, including the one that just failed. */
  readonly card_history: CardRetryHistory;
  /** Ranked processors not yet tried in this payment. */
  readonly remaining_processors: number;
  /** Customer in session (checkout) vs merchant-initiated (recurring, retries). */
  readonly customer_present: boolean;
  /** Whether Pix can be offered instead (BRL, merchant enabled). */
  readonly pix_available: boolean;
};

export type ExceptionDecision =
  | { readonly action: 'retry_elsewhere_now'; readonly kind: FailureKind; readonly reason: string; readonly void_previous: boolean }
  | { readonly action: 'retry_later'; readonly kind: FailureKind; readonly reason: string; readonly at: string }
  | { readonly action: 'degrade'; readonly kind: FailureKind; readonly reason: string; readonly offer: 'pix' }
  | { readonly action: 'review'; readonly kind: FailureKind; readonly reason: string }
  | { readonly action: 'fail'; readonly kind: FailureKind; readonly reason: string };

export type Classification = { readonly kind: FailureKind; readonly retryable: boolean; readonly retry_after_ms?: number; readonly note: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Classifies a failure into the taxonomy. A network signal (Mastercard's MAC when the card is
 * Mastercard, else Visa's category) refines a soft code — it can forbid or delay a retry — but
 * never loosens a hard decline or a data error.
 */
export function classifyFailure(f: AttemptFailure, brand?: string): Classification {
  const mac = f.mc_advice_code !== undefined && (brand === undefined || brand.toLowerCase() === 'mastercard')
    ? mastercardAdvice(f.mc_advice_code) : undefined;
  const advice: NetworkAdvice | undefined = mac ?? (f.visa_category !== undefined ? visaAdvice(f.visa_category) : undefined);
  if (advice !== undefined) {
    // Network signals only tighten: a hard decline or data error from the issuer stays
    // non-retryable even if the category is generic (Visa 4), and a transport failure stays one.
    const base = kindOfCode(f.code);
    if (base === 'hard_decline' || base === 'data_error') return { kind: base, retryable: false, note: `${advice.note}; code ${f.code}` };
    const kind = base === 'timeout' || base === 'processor_outage' ? base : advice.kind;
    return { ...advice, kind, retryable: advice.retryable && !isFraudSignal(f.code) };
  }
  const kind = kindOfCode(f.code);
  return { kind, retryable: kind !== 'hard_decline' && kind !== 'data_error', note: `code ${f.code}` };
}

/** Codes where another acquirer cannot help right now: the card itself needs time. */
function cardNeedsTime(code: FailureCode): number | undefined {
  switch (code) {
    case 'insufficient_funds': return 24 * HOUR;
    case 'withdrawal_limit_exceeded': return 24 * HOUR;
    case 'card_velocity_exceeded': return 24 * HOUR;
    case 'try_again_later': return HOUR;
    default: return undefined;
  }
}

/**
 * Decides what to do after a failed attempt. Never retries a hard decline, a network
 * "do not retry" (Visa category 1, MAC 03/21) or a data error; never schedules an attempt that
 * would exceed the card's network reattempt cap; a timeout may be retried elsewhere only with
 * `void_previous` (the first processor may have authorized).
 */
export function decideException(f: AttemptFailure, ctx: ExceptionContext): ExceptionDecision {
  const c = classifyFailure(f, ctx.brand);
  const kind = c.kind;
  const giveUp = (why: string): ExceptionDecision =>
    ctx.customer_present && ctx.pix_available && ctx.method === 'card'
      ? { action: 'degrade', kind, offer: 'pix', reason: `${why}; offering Pix instead` }
      : { action: 'fail', kind, reason: why };
  if (isFraudSignal(f.code)) return { action: 'review', kind, reason: `${c.note}: fraud signal from the issuer` };
  if (!c.retryable) return kind === 'data_error' ? { action: 'fail', kind, reason: `${c.note}: needs corrected data` } : giveUp(`${c.note}: not retryable`);

  const cap = capFor(ctx.brand);
  const canRetryNow = remainingAttempts(ctx.card_history, ctx.now, cap) > 0;
  const later = (delayMs: number, why: string): ExceptionDecision => {
    if (ctx.customer_present) return giveUp(`${why}; customer cannot wait`);
    const at = Math.max(ctx.now + delayMs, nextAllowedAt(ctx.card_history, ctx.now + delayMs, cap));
    return { action: 'retry_later', kind, at: new Date(at).toISOString(), reason: why };
  };
  const elsewhere = (why: string, voidPrevious: boolean): ExceptionDecision => {
    if (!canRetryNow) return later(HOUR, `${why}; card reached its reattempt cap (${cap.max_attempts})`);
    if (ctx.remaining_processors <= 0) return later(5 * MINUTE, `${why}; no processor left`);
    return { action: 'retry_elsewhere_now', kind, void_previous: voidPrevious, reason: why };
  };

  switch (kind) {
    case 'hard_decline':
    case 'data_error':
      // Only reachable when a network signal said retryable; stay conservative.
      return giveUp(`${c.note}: ${kind}`);
    case 'soft_decline': {
      if (c.retry_after_ms !== undefined) return later(c.retry_after_ms, c.note);
      const wait = cardNeedsTime(f.code);
      if (wait !== undefined) return later(wait, `${c.note}: the card needs time, not another acquirer`);
      return elsewhere(`${c.note}: soft decline, another acquirer may approve`, false);
    }
    case 'processor_outage':
      return elsewhere(`${c.note}: processor failure`, false);
    case 'timeout':
      return elsewhere(`${c.note}: timeout, outcome unknown at the first processor`, true);
    default:
      return assertNever(kind);
  }
}
