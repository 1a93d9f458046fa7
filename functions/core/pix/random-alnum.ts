/**
 * Random alphanumeric strings from an injected byte source (the core never calls a RNG itself:
 * STYLE.md practice 2). Adapters pass `crypto.randomBytes` or `crypto.getRandomValues`-based
 * sources; tests pass deterministic ones.
 */
import { PixIdError } from './errors.js';

/** Returns `length` random bytes (uniform, independent). E.g. `(n) => crypto.randomBytes(n)`. */
export type RandomBytes = (length: number) => Uint8Array;

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62 · 4 = 248: bytes ≥ 248 are rejected so every character is equally likely (no modulo bias). */
const LIMIT = 248;
const MAX_DRAWS = 64;

/**
 * `length` characters of `[0-9A-Za-z]`, uniformly distributed when `random` is uniform.
 * @throws {PixIdError} when the source keeps returning rejected bytes (a broken source), instead
 *   of looping forever.
 */
export function randomAlnum(random: RandomBytes, length: number, idType: 'txid' | 'endToEndId'): string {
  let out = '';
  for (let draw = 0; draw < MAX_DRAWS && out.length < length; draw++) {
    const bytes = random(length - out.length);
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      const b = bytes[i]!;
      if (b < LIMIT) out += ALNUM[b % 62]!;
    }
  }
  if (out.length < length) throw new PixIdError(idType, 'the random source returned too few usable bytes');
  return out;
}
