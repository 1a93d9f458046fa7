import { createHmac } from 'node:crypto';

/** Length of the truncated fingerprint (base64url chars): 22 chars ≈ 132 bits, far from collisions. */
export const FINGERPRINT_LENGTH = 22;

/**
 * A stable, non-reversible identifier for a PAN under `key`: HMAC-SHA256(key, pan), base64url,
 * truncated. Keyed (not a bare hash) because the PAN space is small enough (~10^15 per BIN) to be
 * brute-forced from an unkeyed SHA-256 — PCI DSS 4.0 req. 3.5.1.1 asks for keyed hashes. The same
 * card gives the same fingerprint under one key (velocity, dedup), and an unrelated one under another.
 * Pure: deterministic computation, no I/O.
 */
export function cardFingerprint(panDigits: string, key: string | Uint8Array): string {
  if (typeof key === 'string' ? key.length === 0 : key.byteLength === 0) throw new RangeError('fingerprint key must not be empty');
  return createHmac('sha256', key).update(panDigits, 'utf8').digest('base64url').slice(0, FINGERPRINT_LENGTH);
}
