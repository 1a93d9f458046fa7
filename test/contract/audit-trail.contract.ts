/**
 * The one behaviour every {@link AuditTrail} must have — run against the in-memory fake
 * (test/unit/adapters/memory-audit-trail.test.ts) and DynamoDB Local
 * (test/integration/dynamodb/audit-trail.test.ts). Each test uses its own stream.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditStreamLister, AuditTrail } from '../../functions/app/ports/audit-trail.js';
import { GENESIS_HASH, verifyChain, type AuditDraft } from '../../functions/core/audit/index.js';

export interface AuditTrailContractOptions {
  /** Concurrent appenders racing on one stream in the no-fork test. */
  readonly concurrentAppenders: number;
  readonly report?: (line: string) => void;
  /** Optional request counter around the adapter's client: reset before, summarised after the race. */
  readonly probe?: { reset(): void; summary(): string };
}

const newStream = (): string => `pay_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
const draft = (action: string, data: unknown = { ok: true }): AuditDraft => ({ at: '2026-11-22T10:00:00.000Z', actor: 'saga', action, data });

export function auditTrailContract(name: string, factory: () => Promise<AuditTrail & AuditStreamLister>, options: AuditTrailContractOptions): void {
  describe(`AuditTrail contract: ${name}`, () => {
    it('starts a stream at seq 1 linked to the genesis hash and returns the new head', async () => {
      const trail = await factory();
      const stream = newStream();
      const head = await trail.append(stream, [draft('payment.created')]);
      const [first, ...rest] = await trail.list(stream);
      expect(rest).toEqual([]);
      expect(first).toMatchObject({ seq: 1, action: 'payment.created', prev_hash: GENESIS_HASH });
      expect(head).toEqual({ seq: 1, hash: first!.hash });
    });

    it('appends several drafts at once as contiguous, linked entries', async () => {
      const trail = await factory();
      const stream = newStream();
      await trail.append(stream, [draft('a')]);
      const head = await trail.append(stream, [draft('b'), draft('c'), draft('d')]);
      const entries = await trail.list(stream);
      expect(entries.map((e) => [e.seq, e.action])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
      expect(head).toEqual({ seq: 4, hash: entries[3]!.hash });
      expect(verifyChain(entries, head)).toEqual({ verified: true });
    });

    it('gives back data exactly as recorded (nested, unicode, numbers, null) so every hash re-verifies', async () => {
      const trail = await factory();
      const stream = newStream();
      const data = { score: 0.8125, reasons: [{ feature: 'velocity', contribution: -0.25 }], note: 'São Paulo — ☃', empty: {}, list: [], none: null, big: 99_999_999_999 };
      await trail.append(stream, [draft('risk.assessed', data), draft('s', 'plain text'), draft('n', 42)]);
      const entries = await trail.list(stream);
      expect(entries.map((e) => e.data)).toEqual([data, 'plain text', 42]);
      expect(verifyChain(entries)).toEqual({ verified: true });
    });

    it('drops undefined members of data, as JSON does, before hashing', async () => {
      const trail = await factory();
      const stream = newStream();
      await trail.append(stream, [draft('x', { kept: 1, gone: undefined })]);
      const [entry] = await trail.list(stream);
      expect(entry!.data).toEqual({ kept: 1 });
      expect(verifyChain([entry!])).toEqual({ verified: true });
    });

    it('keeps streams independent and lists them all', async () => {
      const trail = await factory();
      const [s1, s2] = [newStream(), newStream()];
      await trail.append(s1, [draft('one')]);
      await trail.append(s2, [draft('two'), draft('three')]);
      expect((await trail.list(s1)).map((e) => e.action)).toEqual(['one']);
      expect((await trail.list(s2)).map((e) => e.seq)).toEqual([1, 2]);
      expect(await trail.listStreams()).toEqual(expect.arrayContaining([s1, s2]));
      expect(await trail.list(newStream())).toEqual([]);
    });

    it('refuses 0 or more than 100 drafts, and data JSON cannot carry, writing nothing', async () => {
      const trail = await factory();
      const stream = newStream();
      await expect(trail.append(stream, [])).rejects.toBeInstanceOf(RangeError);
      await expect(trail.append(stream, Array.from({ length: 101 }, () => draft('x')))).rejects.toBeInstanceOf(RangeError);
      await expect(trail.append(stream, [draft('ok'), draft('bad', { n: Number.POSITIVE_INFINITY })])).rejects.toBeInstanceOf(TypeError);
      expect(await trail.list(stream)).toEqual([]);
    });

    it('writes 100 drafts in one append', async () => {
      const trail = await factory();
      const stream = newStream();
      const head = await trail.append(stream, Array.from({ length: 100 }, (_, i) => draft(`step.${i}`)));
      expect(head.seq).toBe(100);
      expect(verifyChain(await trail.list(stream), head)).toEqual({ verified: true });
    });

    it(`concurrent appends to one stream never fork the chain (${options.concurrentAppenders} appenders)`, async () => {
      const trail = await factory();
      const stream = newStream();
      const n = options.concurrentAppenders;
      options.probe?.reset();
      const started = performance.now();
      const heads = await Promise.all(
        Array.from({ length: n }, (_, i) => trail.append(stream, Array.from({ length: (i % 3) + 1 }, (_, k) => draft(`appender.${i}.${k}`)))),
      );
      const elapsed = performance.now() - started;
      const requests = options.probe?.summary();
      const entries = await trail.list(stream);
      const total = Array.from({ length: n }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
      expect(entries).toHaveLength(total);
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(verifyChain(entries, heads.reduce((a, b) => (b.seq > a.seq ? b : a)))).toEqual({ verified: true });
      // Each appender's drafts are consecutive: nobody's batch was interleaved with another's.
      for (let i = 0; i < n; i++) {
        const seqs = entries.filter((e) => e.action.startsWith(`appender.${i}.`)).map((e) => e.seq);
        expect(seqs).toEqual(Array.from({ length: (i % 3) + 1 }, (_, k) => seqs[0]! + k));
        expect(heads[i]).toEqual({ seq: seqs[seqs.length - 1], hash: entries[seqs[seqs.length - 1]! - 1]!.hash });
      }
      options.report?.(`${name}: ${n} concurrent appenders, ${total} entries on one stream, no fork, ${elapsed.toFixed(0)} ms${requests ? `, ${requests}` : ''}`);
    });
  });
}
