import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainEntries, hashAuditEntry, verifyChain, type AuditEntry } from '../../../functions/core/audit/index.js';

const drafts = fc.array(
  fc.record({
    at: fc.constantFrom('2026-11-22T10:00:00.000Z', '2026-11-22T10:00:01.500Z'),
    actor: fc.constantFrom('saga', 'agent:risk', 'api:sk_test_abc'),
    action: fc.constantFrom('payment.created', 'risk.assessed', 'routing.decided', 'payment.succeeded'),
    data: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  }),
  { minLength: 2, maxLength: 12 },
);
const chain = drafts.map((d) => chainEntries(undefined, d));

/** Recomputes hashes and links from position `from` on: what a tamperer covering tracks would do. */
function rehashFrom(entries: AuditEntry[], from: number): AuditEntry[] {
  const out = entries.slice(0, from);
  for (const e of entries.slice(from)) {
    const prev = out[out.length - 1];
    const body = { ...e, prev_hash: prev?.hash ?? '0'.repeat(64) };
    out.push({ ...body, hash: hashAuditEntry(body) });
  }
  return out;
}

describe('verifyChain', () => {
  const entries = chainEntries(undefined, [
    { at: 't1', actor: 'saga', action: 'a', data: { amount: 100 } },
    { at: 't2', actor: 'saga', action: 'b', data: null },
    { at: 't3', actor: 'saga', action: 'c', data: [1, 2] },
    { at: 't4', actor: 'saga', action: 'd', data: 'x' },
  ]);

  it('verifies an untouched chain and an empty one', () => {
    expect(verifyChain(entries)).toEqual({ verified: true });
    expect(verifyChain([])).toEqual({ verified: true });
  });

  it('reports an edited field as hash_mismatch at that entry', () => {
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, actor: 'someone-else' } : e));
    expect(verifyChain(edited)).toEqual({ verified: false, broken_at: 2, reason: 'hash_mismatch' });
  });

  it('reports an edit whose own hash was recomputed as prev_hash_mismatch at the next entry', () => {
    const body = { ...entries[1]!, data: { amount: 1 } };
    const edited = entries.map((e) => (e.seq === 2 ? { ...body, hash: hashAuditEntry(body) } : e));
    expect(verifyChain(edited)).toEqual({ verified: false, broken_at: 3, reason: 'prev_hash_mismatch' });
  });

  it('reports a deleted middle entry as sequence_gap at the missing seq', () => {
    expect(verifyChain(entries.filter((e) => e.seq !== 3))).toEqual({ verified: false, broken_at: 3, reason: 'sequence_gap' });
  });

  it('reports a deleted first entry as sequence_gap at seq 1', () => {
    expect(verifyChain(entries.slice(1))).toEqual({ verified: false, broken_at: 1, reason: 'sequence_gap' });
  });

  it('reports swapped entries as reordered', () => {
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
    expect(verifyChain(swapped)).toEqual({ verified: false, broken_at: 2, reason: 'reordered' });
  });

  it('reports a duplicated entry as reordered', () => {
    expect(verifyChain([entries[0]!, entries[1]!, entries[1]!, entries[2]!])).toMatchObject({ verified: false, reason: 'reordered' });
  });

  it('reports an inserted entry (renumbered tail) as a break at the insertion point', () => {
    const forged = { seq: 3, at: 't', actor: 'x', action: 'forged', data: null, prev_hash: entries[1]!.hash };
    const inserted = [entries[0]!, entries[1]!, { ...forged, hash: hashAuditEntry(forged) }, ...entries.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(verifyChain(inserted)).toEqual({ verified: false, broken_at: 4, reason: 'hash_mismatch' });
  });

  it('cannot see a deleted LAST entry without an anchor — and does with one', () => {
    const truncated = entries.slice(0, -1);
    expect(verifyChain(truncated)).toEqual({ verified: true });
    const anchor = { seq: 4, hash: entries[3]!.hash };
    expect(verifyChain(truncated, anchor)).toEqual({ verified: false, broken_at: 4, reason: 'sequence_gap' });
    expect(verifyChain(entries, anchor)).toEqual({ verified: true });
  });

  it('detects a rewritten tail (every hash recomputed) only against the anchor', () => {
    const rewritten = rehashFrom(entries.map((e) => (e.seq === 2 ? { ...e, data: 'forged' } : e)), 1);
    expect(verifyChain(rewritten)).toEqual({ verified: true });
    expect(verifyChain(rewritten, { seq: 4, hash: entries[3]!.hash })).toEqual({ verified: false, broken_at: 4, reason: 'hash_mismatch' });
  });

  it('accepts an anchor older than the head (entries appended after the anchor was recorded)', () => {
    expect(verifyChain(entries, { seq: 2, hash: entries[1]!.hash })).toEqual({ verified: true });
  });

  it('treats stored data that is no longer JSON as a hash mismatch instead of throwing', () => {
    const broken = entries.map((e) => (e.seq === 1 ? { ...e, data: { n: Number.NaN } } : e));
    expect(verifyChain(broken)).toEqual({ verified: false, broken_at: 1, reason: 'hash_mismatch' });
  });

  it('property: any single field edit anywhere is detected', () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.constantFrom('seq', 'at', 'actor', 'action', 'data', 'prev_hash', 'hash'), (c, pick, field) => {
        const i = pick % c.length;
        const e = c[i]!;
        const value =
          field === 'seq' ? e.seq + 100 : field === 'data' ? { tampered: e.data } : field === 'prev_hash' || field === 'hash' ? 'f'.repeat(64) : `${String(e[field])}!`;
        const tampered = c.map((x, k) => (k === i ? { ...x, [field]: value } : x));
        expect(verifyChain(tampered).verified).toBe(false);
      }),
    );
  });

  it('property: any reorder (two distinct positions swapped) is detected as reordered', () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.nat(), (c, a, b) => {
        const i = a % c.length;
        const j = b % c.length;
        fc.pre(i !== j);
        const swapped = [...c];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(verifyChain(swapped)).toMatchObject({ verified: false, reason: 'reordered', broken_at: Math.min(i, j) + 1 });
      }),
    );
  });

  it('property: any single deletion is detected — the last one against the head anchor', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (c, pick) => {
        const i = pick % c.length;
        const anchor = { seq: c[c.length - 1]!.seq, hash: c[c.length - 1]!.hash };
        const deleted = c.filter((_, k) => k !== i);
        expect(verifyChain(deleted, anchor)).toEqual({ verified: false, broken_at: i + 1, reason: 'sequence_gap' });
        if (i < c.length - 1) expect(verifyChain(deleted).verified).toBe(false);
      }),
    );
  });

  it('property: a deletion with the tail renumbered and re-hashed is still caught by the anchor', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (c, pick) => {
        const i = pick % c.length;
        const anchor = { seq: c[c.length - 1]!.seq, hash: c[c.length - 1]!.hash };
        const covered = rehashFrom(c.filter((_, k) => k !== i).map((e, k) => ({ ...e, seq: k + 1 })), i);
        expect(verifyChain(covered).verified).toBe(true);
        expect(verifyChain(covered, anchor).verified).toBe(false);
      }),
    );
  });
});
