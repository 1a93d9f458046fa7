import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../functions/core/canonical-json.js';
import { GENESIS_HASH, assertAppendable, chainEntries, hashAuditEntry, headOf, verifyChain } from '../../../functions/core/audit/index.js';

const draft = (action: string, data: unknown = { n: 1 }) => ({ at: '2026-11-22T10:00:00.000Z', actor: 'saga', action, data });

describe('hashAuditEntry', () => {
  it('is sha256(prev_hash ‖ canonical JSON of the entry without hash), in hex', () => {
    const body = { seq: 1, at: '2026-11-22T10:00:00.000Z', actor: 'saga', action: 'payment.created', data: { b: 2, a: 1 }, prev_hash: GENESIS_HASH };
    const expected = createHash('sha256').update(GENESIS_HASH + canonicalJson(body)).digest('hex');
    expect(hashAuditEntry(body)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order in data', () => {
    const a = { seq: 1, at: 't', actor: 'x', action: 'y', data: { a: 1, b: [1, { c: 2, d: 3 }] }, prev_hash: GENESIS_HASH };
    const b = { ...a, data: { b: [1, { d: 3, c: 2 }], a: 1 } };
    expect(hashAuditEntry(a)).toBe(hashAuditEntry(b));
  });
});

describe('chainEntries', () => {
  it('starts an empty stream at seq 1 linked to 64 zeros', () => {
    const [first] = chainEntries(undefined, [draft('payment.created')]);
    expect(first).toMatchObject({ seq: 1, prev_hash: '0'.repeat(64) });
    expect(first!.hash).toBe(hashAuditEntry(first!));
  });

  it('links each entry to the one before it and continues from a given head', () => {
    const first = chainEntries(undefined, [draft('a'), draft('b')]);
    const more = chainEntries(headOf(first), [draft('c')]);
    const all = [...first, ...more];
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(all[1]!.prev_hash).toBe(all[0]!.hash);
    expect(all[2]!.prev_hash).toBe(all[1]!.hash);
    expect(verifyChain(all)).toEqual({ verified: true });
  });

  it('normalises data to its JSON form (undefined members dropped, undefined data → null)', () => {
    const [a, b] = chainEntries(undefined, [draft('a', { keep: 1, drop: undefined }), { ...draft('b'), data: undefined }]);
    expect(a!.data).toEqual({ keep: 1 });
    expect(Object.keys(a!.data as object)).toEqual(['keep']);
    expect(b!.data).toBeNull();
  });

  it('refuses data JSON cannot carry', () => {
    expect(() => chainEntries(undefined, [draft('a', { x: Number.NaN })])).toThrow(TypeError);
  });

  it('headOf gives the last link, or the given head when nothing was appended', () => {
    const entries = chainEntries(undefined, [draft('a'), draft('b')]);
    expect(headOf(entries)).toEqual({ seq: 2, hash: entries[1]!.hash });
    expect(headOf([])).toEqual({ seq: 0, hash: GENESIS_HASH });
  });
});

describe('assertAppendable', () => {
  it('accepts 1 to 100 drafts and refuses 0 or 101', () => {
    expect(() => assertAppendable([draft('a')])).not.toThrow();
    expect(() => assertAppendable(Array.from({ length: 100 }, () => draft('a')))).not.toThrow();
    expect(() => assertAppendable([])).toThrow(RangeError);
    expect(() => assertAppendable(Array.from({ length: 101 }, () => draft('a')))).toThrow(RangeError);
  });
});
