import type { AuditDraft } from './types.js';

/** An append is atomic, and one DynamoDB transaction holds at most 100 items. */
export const MAX_DRAFTS_PER_APPEND = 100;

/**
 * Throws RangeError unless 1..{@link MAX_DRAFTS_PER_APPEND} drafts are given: every store refuses
 * the same appends, so the fake and DynamoDB agree.
 */
export function assertAppendable(drafts: readonly AuditDraft[]): void {
  if (drafts.length === 0) throw new RangeError('append needs at least one draft');
  if (drafts.length > MAX_DRAFTS_PER_APPEND) throw new RangeError(`append takes at most ${MAX_DRAFTS_PER_APPEND} drafts`);
}
