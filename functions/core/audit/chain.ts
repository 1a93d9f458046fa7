import { canonicalJson } from '../canonical-json.js';
import { hashAuditEntry } from './hash.js';
import { GENESIS_HEAD, type AuditDraft, type AuditEntry, type AuditHead } from './types.js';

/**
 * Turns drafts into the next links after `head` (undefined = empty stream): seq head.seq+1…,
 * each `prev_hash` the hash before it. `data` is normalised through canonical JSON first
 * (undefined members dropped), so the entry returned is exactly what a store gives back and its
 * hash verifies after any round trip. Throws TypeError if `data` is not JSON (e.g. NaN, a function).
 *
 * @returns the new entries, in order; the last one is the new head
 */
export function chainEntries(head: AuditHead | undefined, drafts: readonly AuditDraft[]): AuditEntry[] {
  let prev = head ?? GENESIS_HEAD;
  return drafts.map((d) => {
    const body = {
      seq: prev.seq + 1,
      at: d.at,
      actor: d.actor,
      action: d.action,
      data: normaliseData(d.data),
      prev_hash: prev.hash,
    };
    const entry: AuditEntry = { ...body, hash: hashAuditEntry(body) };
    prev = entry;
    return entry;
  });
}

/** The head after `entries` (the last one), or `head` when there are none. */
export function headOf(entries: readonly AuditEntry[], head: AuditHead = GENESIS_HEAD): AuditHead {
  const last = entries[entries.length - 1];
  return last === undefined ? head : { seq: last.seq, hash: last.hash };
}

function normaliseData(data: unknown): unknown {
  // `undefined` has no JSON form; record it as null rather than fail on an omitted detail.
  return data === undefined ? null : JSON.parse(canonicalJson(data));
}
