/**
 * Merchant webhooks (API.md "Webhook endpoints"): the signature scheme and the retry schedule.
 * `Smart-Agent-Pay-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` — the timestamp
 * is signed with the body so a captured delivery cannot be replayed later (receivers reject old t).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Smart-Agent-Pay-Signature';
/** Deliveries are retried with exponential backoff for 24 hours, then dead-lettered. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3 * 3_600_000;

export function signPayload(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** Verifies a signature header (for receivers and tests), within `toleranceSeconds` of `now`. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts['t']);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts['v1']) return false;
  const expected = Buffer.from(signPayload(secret, t, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts['v1'], 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * When to try again after `attempt` failures (1-based), or undefined once the 24 h window since
 * the first attempt is spent. Jitter (0..1, passed in) spreads retries of many deliveries.
 */
export function nextAttemptAt(firstAttemptMs: number, attempt: number, nowMs: number, jitter: number): number | undefined {
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt - 1, 20));
  const at = nowMs + Math.round(delay * (0.5 + jitter / 2));
  return at - firstAttemptMs > RETRY_WINDOW_MS ? undefined : at;
}
