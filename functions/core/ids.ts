/**
 * Identifiers. Random ids take their entropy as an argument (the core never draws randomness);
 * deterministic ids hash the business event they stand for, so a retried step produces the same id
 * and a conditional write turns the retry into a no-op.
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 of the given bytes (at least 16 for ids, 32 for secrets). */
export function base62(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 62];
  return out;
}

export function randomId(prefix: string, bytes: Uint8Array): string {
  return `${prefix}_${base62(bytes)}`;
}

/** `pay_` + 24 base62 chars derived from the parts (stable across retries). */
export function deterministicId(prefix: string, ...parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return `${prefix}_${base62(digest.subarray(0, 24))}`;
}
