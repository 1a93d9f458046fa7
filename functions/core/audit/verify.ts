import { hashAuditEntry } from './hash.js';
import { GENESIS_HEAD, type AuditEntry, type AuditHead, type ChainVerification } from './types.js';

/**
 * Re-hashes a whole stream, in the order given (a store lists by seq), and reports the first
 * break:
 * - `reordered`: seq goes backwards or repeats (entries swapped or duplicated);
 * - `sequence_gap`: a seq is missing (an entry deleted; `broken_at` is the missing seq);
 * - `hash_mismatch`: an entry's content no longer matches its own hash (edited);
 * - `prev_hash_mismatch`: an entry does not link to the one before it (inserted, replaced, or an
 *   edited entry whose hash was recomputed).
 *
 * Why the anchor: a hash chain with no secret proves only internal consistency. Deleting the
 * LAST entry (or rewriting every hash from some point to the end) leaves a chain that is
 * perfectly consistent on its own. It is only detectable against a head recorded elsewhere —
 * e.g. the `{ seq, hash }` stored on the payment record in the same transaction as the state
 * change. Given `anchor`, the entry at `anchor.seq` must exist and carry `anchor.hash`
 * (later entries may follow: the anchor can be older than the stream's head).
 */
export function verifyChain(entries: readonly AuditEntry[], anchor?: AuditHead): ChainVerification {
  const present = new Set(entries.map((e) => e.seq));
  let prev: AuditHead = GENESIS_HEAD;
  for (const entry of entries) {
    const expected = prev.seq + 1;
    if (!Number.isSafeInteger(entry.seq) || entry.seq < expected) {
      return { verified: false, broken_at: expected, reason: 'reordered' };
    }
    if (entry.seq > expected) {
      // The missing seq showing up later means it was moved, not deleted.
      return { verified: false, broken_at: expected, reason: present.has(expected) ? 'reordered' : 'sequence_gap' };
    }
    if (!hashMatches(entry)) return { verified: false, broken_at: entry.seq, reason: 'hash_mismatch' };
    if (entry.prev_hash !== prev.hash) return { verified: false, broken_at: entry.seq, reason: 'prev_hash_mismatch' };
    prev = entry;
  }
  if (anchor !== undefined && anchor.seq > 0) {
    if (prev.seq < anchor.seq) return { verified: false, broken_at: prev.seq + 1, reason: 'sequence_gap' };
    const anchored = entries.find((e) => e.seq === anchor.seq);
    if (anchored?.hash !== anchor.hash) return { verified: false, broken_at: anchor.seq, reason: 'hash_mismatch' };
  }
  return { verified: true };
}

function hashMatches(entry: AuditEntry): boolean {
  try {
    return hashAuditEntry(entry) === entry.hash;
  } catch {
    // Stored data that is not JSON any more (tampered with a non-JSON value) cannot match.
    return false;
  }
}
