/**
 * Ids we choose toward the PSP, derived from our own ids so a retry after a crash reaches the PSP
 * with the same one (`PUT /cob/{txid}` and `PUT /pix/{e2eid}/devolucao/{id}` are idempotent on it).
 */
import { createHash } from 'node:crypto';
import { generateTxid, type RandomBytes } from '../../core/pix/index.js';

/** A deterministic byte stream (SHA-256 in counter mode) standing in for randomness. */
export function seededRandom(seed: string): RandomBytes {
  let counter = 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 32) {
      const block = createHash('sha256').update(`${seed}\u0000${counter++}`).digest();
      out.set(block.subarray(0, Math.min(32, n - i)), i);
    }
    return out;
  };
}

/** The cob txid of a payment: 32 alphanumerics (API Pix `[a-zA-Z0-9]{26,35}`). */
export const txidOf = (paymentId: string): string => generateTxid(seededRandom(`txid:${paymentId}`));

/** Devolução id of a refund (`[a-zA-Z0-9]{1,35}`): `re_Abc…` → `reAbc…`; reversible. */
export const pspRefundId = (refundId: string): string => refundId.replace('_', '');
export const refundIdOf = (pspId: string): string | undefined => (/^re[0-9A-Za-z]{20,33}$/.test(pspId) ? `re_${pspId.slice(2)}` : undefined);
