/**
 * Idempotent execution of a request (API.md "Idempotency"): the first request runs; a repeat with
 * the same canonical body gets the stored response byte for byte; a different body is a conflict;
 * a repeat while the first still runs is told to retry later. 5xx outcomes are not stored, so the
 * client's retry runs again — safely, because every downstream call reuses derived keys.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import { AppError } from '../core/errors.js';
import type { IdempotencyStore, StoredResponse } from './ports/idempotency-store.js';

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;
/**
 * How long a claim blocks repeats before a retry may take over a runner that died. Longer than
 * the payment state machine's own timeout (120 s) plus margin: a retry must never start a second
 * saga beside one that is still running after its API call was cut off.
 */
export const LOCK_MS = 180_000;
export const TTL_SECONDS = 86_400 + 3_600;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Record id: scope = (key owner, method, path) + the key itself. */
export function idempotencyRecordId(owner: string, method: string, path: string, key: string): string {
  return sha256(canonicalJson([owner, method, path, key]));
}

export function requestFingerprint(body: unknown): string {
  return sha256(canonicalJson(body ?? null));
}

export function validateIdempotencyKey(key: string | undefined): string {
  if (key === undefined || key === '') throw new AppError('idempotency_key_required', 'This endpoint moves money: send an Idempotency-Key header', { param: 'Idempotency-Key' });
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new AppError('invalid_request', 'Idempotency-Key must be 1–255 visible ASCII characters', { param: 'Idempotency-Key' });
  return key;
}

/** Whether a response is final and must be replayed for repeats. */
export function isStorable(statusCode: number): boolean {
  return statusCode < 500 && statusCode !== 429;
}

export async function runIdempotent(
  store: IdempotencyStore,
  args: { id: string; fingerprint: string; nowMs: () => number },
  run: () => Promise<StoredResponse>,
): Promise<{ response: StoredResponse; replayed: boolean }> {
  const begun = await store.begin(args.id, args.fingerprint, args.nowMs(), LOCK_MS);
  if (begun.state !== 'started') {
    if (begun.fingerprint !== args.fingerprint) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was used with a different request body', { param: 'Idempotency-Key' });
    }
    if (begun.state === 'in_flight') {
      throw new AppError('idempotency_in_flight', 'A request with this Idempotency-Key is still running; retry later', { retryAfterSeconds: begun.retryAfterSeconds });
    }
    return { response: begun.response, replayed: true };
  }
  let response: StoredResponse;
  try {
    response = await run();
  } catch (err) {
    // A client error (4xx AppError) is a final answer; anything else must not be stored.
    await store.release(args.id).catch(() => undefined);
    throw err;
  }
  if (isStorable(response.statusCode)) await store.complete(args.id, args.fingerprint, response, args.nowMs(), TTL_SECONDS);
  else await store.release(args.id);
  return { response, replayed: false };
}
