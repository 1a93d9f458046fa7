/**
 * API keys (API.md "Auth", DESIGN.md §7): `sk_test_…`/`sk_live_…` act for a merchant, `ak_test_…`
 * for one agent under one mandate. Only the SHA-256 of a key is stored; lookups go by that hash.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { base62 } from './ids.js';

export type KeyKind = 'merchant' | 'agent';
export type KeyMode = 'test' | 'live';

const KEY_PATTERN = /^(sk|ak)_(test|live)_[0-9A-Za-z]{32,64}$/;

export function newApiKey(kind: KeyKind, mode: KeyMode, secretBytes: Uint8Array): string {
  if (secretBytes.length < 32) throw new RangeError('a key needs at least 32 random bytes');
  return `${kind === 'merchant' ? 'sk' : 'ak'}_${mode}_${base62(secretBytes)}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Shape check before any lookup: a malformed key never costs a database read. */
export function parseApiKey(key: string): { kind: KeyKind; mode: KeyMode } | undefined {
  const m = KEY_PATTERN.exec(key);
  if (!m) return undefined;
  return { kind: m[1] === 'sk' ? 'merchant' : 'agent', mode: m[2] as KeyMode };
}

/** `Authorization: Bearer <key>` → key (case-insensitive scheme, RFC 6750 §2.1). */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, 'hex');
  const b = Buffer.from(bHex, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** The visible part of a key, for listings and logs: `sk_test_…Wx9z`. */
export function keyHint(key: string): string {
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}
