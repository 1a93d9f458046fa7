/**
 * Per-card reattempt caps across all processors. The networks count reattempts per card
 * (credential), not per acquirer, so the history is keyed by card fingerprint and shared by
 * every processor we cascade to.
 * - Visa "excessive reattempts" (Visa Core Rules, 2021): at most 15 reattempts in 30 days.
 * - Mastercard "excessive authorization attempts": at most 10 declined attempts in 24 hours.
 * Other brands use the Visa cap, the stricter common reading.
 */
export type RetryCap = { readonly max_attempts: number; readonly window_ms: number };

export const RETRY_CAPS: Readonly<Record<string, RetryCap>> = Object.freeze({
  visa: { max_attempts: 15, window_ms: 30 * 24 * 3_600_000 },
  mastercard: { max_attempts: 10, window_ms: 24 * 3_600_000 },
  default: { max_attempts: 15, window_ms: 30 * 24 * 3_600_000 },
});

/** Declined/failed authorization attempts on one card, epoch ms ascending (plain JSON). */
export type CardRetryHistory = { readonly attempts: readonly number[] };

export const EMPTY_HISTORY: CardRetryHistory = Object.freeze({ attempts: [] });

export function capFor(brand: string | undefined): RetryCap {
  return RETRY_CAPS[brand?.toLowerCase() ?? 'default'] ?? RETRY_CAPS.default!;
}

/** Attempts inside the cap's window ending at `now`. */
export function attemptsInWindow(h: CardRetryHistory, now: number, cap: RetryCap): number {
  let n = 0;
  for (const t of h.attempts) if (t > now - cap.window_ms && t <= now) n++;
  return n;
}

/** How many more attempts the card may take now. */
export function remainingAttempts(h: CardRetryHistory, now: number, cap: RetryCap): number {
  return Math.max(0, cap.max_attempts - attemptsInWindow(h, now, cap));
}

/** The earliest time at which one more attempt fits under the cap. */
export function nextAllowedAt(h: CardRetryHistory, now: number, cap: RetryCap): number {
  const inWindow = h.attempts.filter((t) => t > now - cap.window_ms && t <= now);
  if (inWindow.length < cap.max_attempts) return now;
  return inWindow[inWindow.length - cap.max_attempts]! + cap.window_ms + 1;
}

/** Records one attempt; drops entries older than the widest window so the record stays small. */
export function recordAttempt(h: CardRetryHistory, at: number, keepMs: number = 30 * 24 * 3_600_000): CardRetryHistory {
  const attempts = h.attempts.filter((t) => t > at - keepMs);
  let i = attempts.length;
  while (i > 0 && attempts[i - 1]! > at) i--;
  attempts.splice(i, 0, at);
  return { attempts };
}
