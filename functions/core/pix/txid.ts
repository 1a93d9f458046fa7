/**
 * txid rules (PIX_SPEC §1.2 62.05 and §3.2): in a static BR Code 62.05 is `***` or 1–25 of
 * `[A-Za-z0-9]` (no spaces, hyphens or underscores; bacen/pix-api#212, #231); a dynamic charge's
 * txid, chosen by the merchant, is `[a-zA-Z0-9]{26,35}` (API Pix `cob`).
 */
import { PixIdError } from './errors.js';
import { isAlnum } from './brcode-text.js';
import { randomAlnum, type RandomBytes } from './random-alnum.js';

/** The 62.05 value meaning "no txid" (PIX_SPEC §1.2). */
export const NO_TXID = '***';

/** True for a txid allowed in a static BR Code's 62.05: 1–25 alphanumerics (not `***`). */
export function isValidStaticTxid(txid: string): boolean {
  return txid.length >= 1 && txid.length <= 25 && isAlnum(txid);
}

/** True for a dynamic charge txid (API Pix `PUT /cob/{txid}`): 26–35 alphanumerics. */
export function isValidDynamicTxid(txid: string): boolean {
  return txid.length >= 26 && txid.length <= 35 && isAlnum(txid);
}

/**
 * A new txid from an injected random source: 26–35 alphanumerics for a dynamic charge (default
 * 32, ~190 bits) or 1–25 for a static code.
 * @throws {PixIdError} for a length outside the kind's range or a broken random source.
 */
export function generateTxid(random: RandomBytes, options: { kind?: 'dynamic' | 'static'; length?: number } = {}): string {
  const kind = options.kind ?? 'dynamic';
  const length = options.length ?? (kind === 'dynamic' ? 32 : 25);
  const [min, max] = kind === 'dynamic' ? [26, 35] : [1, 25];
  if (!Number.isInteger(length) || length < min || length > max) {
    throw new PixIdError('txid', `a ${kind} txid has ${min}–${max} characters`);
  }
  return randomAlnum(random, length, 'txid');
}
