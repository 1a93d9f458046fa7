import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { AuditEntry } from './types.js';

/**
 * `sha256(prev_hash ‖ canonical(entry without hash))` as lowercase hex (DESIGN.md §4). The body
 * is RFC 8785 canonical JSON of `{ seq, at, actor, action, data, prev_hash }`, so key order and
 * whitespace never change a hash, while every field — seq included — is covered: renumbering,
 * editing or re-linking any entry changes it. `prev_hash` is both prefixed and inside the body;
 * the prefix is the chaining rule as written in the design, the body copy costs nothing.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    data: entry.data,
    prev_hash: entry.prev_hash,
  });
  return createHash('sha256').update(entry.prev_hash, 'utf8').update(body, 'utf8').digest('hex');
}
