import { createHash } from 'node:crypto';

/**
 * Deterministic journal entry id: `le_` + the first 24 hex digits (96 bits) of
 * SHA-256(`<kind>:<businessId>`). The same business event always maps to the same id, so a
 * retried saga step or a replayed webhook posts onto the id already in the ledger and the
 * conditional write refuses it: an event can never be posted twice. 96 bits keep the id short
 * while a collision between two distinct events stays out of reach (~2^48 events for a 50 % chance).
 *
 * @param kind what happened, e.g. `card_capture`, `refund`, `reversal`
 * @param businessId the id of the thing it happened to, e.g. `pay_123`, `re_456`, `le_…`
 */
export function entryId(kind: string, businessId: string): string {
  if (kind.length === 0 || businessId.length === 0) throw new RangeError('entryId needs a kind and a business id');
  return `le_${createHash('sha256').update(`${kind}:${businessId}`, 'utf8').digest('hex').slice(0, 24)}`;
}
