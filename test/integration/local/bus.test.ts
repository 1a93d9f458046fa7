import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsumerDef } from '../../../functions/contracts/events.js';
import { DeadLetterLog, LocalEventBus, type BusEvent } from '../../../local/bus/index.js';

const consumer = (id: string, pattern: Record<string, unknown>, maximumRetryAttempts = 3): ConsumerDef => ({
  id, functionId: `${id}-fn` as ConsumerDef['functionId'], description: id, pattern, retry: { maximumRetryAttempts, maximumEventAgeSeconds: 60 },
});

const entry = (type: string): { Source: string; DetailType: string; Detail: string } => ({
  Source: 'smart-agent-pay', DetailType: type, Detail: JSON.stringify({ id: 'evt_1', type, merchant_id: 'mer_1' }),
});

describe('local event bus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers events shaped like EventBridge to Lambda, only to consumers whose pattern matches', async () => {
    const got: Array<[string, BusEvent]> = [];
    const bus = new LocalEventBus({
      consumers: [consumer('payments', { 'detail-type': ['payment.succeeded'] }), consumer('all', { source: ['smart-agent-pay'] })],
      invoke: async (fn, e) => { got.push([fn, e]); },
      deadLetters: new DeadLetterLog(),
    });
    const out = bus.putEvents([entry('merchant.created'), { Source: 'x', DetailType: 'y', Detail: 'not json' }]);
    await bus.drain();
    expect(out.FailedEntryCount).toBe(1);
    expect(out.Entries[1]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    expect(got.map(([fn]) => fn)).toEqual(['all-fn']);
    const e = got[0]![1];
    expect(Object.keys(e).sort()).toEqual(['account', 'detail', 'detail-type', 'id', 'region', 'resources', 'source', 'time', 'version']);
    expect(e).toMatchObject({ version: '0', 'detail-type': 'merchant.created', source: 'smart-agent-pay', account: '000000000000', region: 'us-east-1', resources: [] });
    expect(e.id).toBe((out.Entries[0] as { EventId: string }).EventId);
    expect(e.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(e.detail).toEqual({ id: 'evt_1', type: 'merchant.created', merchant_id: 'mer_1' });
  });

  it('retries a failing consumer maximumRetryAttempts times, then writes a dead letter to memory and dead-letters.jsonl', async () => {
    const file = join(dir, 'dead-letters.jsonl');
    const lines: string[] = [];
    const attempts: number[] = [];
    const bus = new LocalEventBus({
      consumers: [consumer('flaky', { source: ['smart-agent-pay'] }, 3)],
      invoke: async () => { attempts.push(Date.now()); throw new TypeError('downstream down'); },
      deadLetters: new DeadLetterLog(file, (l) => lines.push(l)),
      retryBaseMs: 5,
    });
    bus.putEvents([entry('payment.failed')]);
    await bus.drain();
    expect(attempts).toHaveLength(4); // the first delivery + 3 retries
    expect(bus.deadLetters.entries).toHaveLength(1);
    const persisted = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(persisted[0]).toMatchObject({ source: 'bus:flaky', functionId: 'flaky-fn', attempts: 4, reason: 'retries_exhausted', error: { name: 'TypeError', message: 'downstream down' } });
    expect((persisted[0]!.payload as BusEvent)['detail-type']).toBe('payment.failed');
    expect(lines[0]).toMatch(/dead letter: bus:flaky → flaky-fn after 4 attempt/);
  });

  it('stops retrying once a delivery succeeds', async () => {
    let calls = 0;
    const bus = new LocalEventBus({
      consumers: [consumer('once', { source: ['smart-agent-pay'] }, 5)],
      invoke: async () => { if (++calls < 3) throw new Error('not yet'); },
      deadLetters: new DeadLetterLog(),
      retryBaseMs: 5,
    });
    bus.putEvents([entry('payment.succeeded')]);
    await bus.drain();
    expect(calls).toBe(3);
    expect(bus.deadLetters.entries).toHaveLength(0);
  });
});
