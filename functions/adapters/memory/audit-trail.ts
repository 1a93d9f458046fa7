/**
 * In-memory {@link AuditTrail}: chains with the pure core and appends atomically (single-threaded
 * JavaScript: no await between reading the head and writing), so it never forks — the property
 * the DynamoDB adapter gets from conditional writes. `tamper` lets tests edit the stored chain.
 */
import type { AuditStreamLister, AuditTrail } from '../../app/ports/audit-trail.js';
import { assertAppendable, chainEntries, headOf, type AuditDraft, type AuditEntry, type AuditHead } from '../../core/audit/index.js';

export class InMemoryAuditTrail implements AuditTrail, AuditStreamLister {
  readonly #streams = new Map<string, AuditEntry[]>();

  async append(stream: string, drafts: readonly AuditDraft[]): Promise<AuditHead> {
    assertAppendable(drafts);
    const current = this.#streams.get(stream) ?? [];
    const added = chainEntries(headOf(current), drafts);
    this.#streams.set(stream, [...current, ...added]);
    return headOf(added, headOf(current));
  }

  async list(stream: string): Promise<AuditEntry[]> {
    return structuredClone(this.#streams.get(stream) ?? []);
  }

  async listStreams(): Promise<string[]> {
    return [...this.#streams.keys()].sort();
  }

  /** Test hook: replaces a stream's stored entries as an attacker with table access could. */
  tamper(stream: string, edit: (entries: AuditEntry[]) => AuditEntry[]): void {
    this.#streams.set(stream, edit(structuredClone(this.#streams.get(stream) ?? [])));
  }
}
