import { describe, expect, it } from 'vitest';
import { runReconcile } from '../../../local/cli/commands/reconcile.js';

const io = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => { out.stdout += t; }, stderr: (t: string) => { out.stderr += t; } } };
};
const deps = {
  sources: [{ id: 'stripe', list: async () => [{ source: 'stripe', id: 'txn_1', reference: 'pay_1', amount: 100, currency: 'brl', at: Date.parse('2026-11-22T01:00:00Z') }] }],
  ledger: { cardCaptures: async () => [] },
  now: () => new Date('2026-11-23T00:00:00Z'),
};

describe('agentpay reconcile', () => {
  it('prints matched, discrepancies by kind and the items for the window', async () => {
    const { out, io: cli } = io();
    expect(await runReconcile(['--from', '2026-11-22T00:00:00Z', '--to', '2026-11-22T12:00:00Z'], cli, deps)).toBe(0);
    const report = JSON.parse(out.stdout) as { matched: number; discrepancies: { by_kind: Record<string, number> }; items: Array<{ kind: string }> };
    expect(report.matched).toBe(0);
    expect(report.discrepancies.by_kind.missing_in_ledger).toBe(1);
    expect(report.items.map((i) => i.kind)).toEqual(['missing_in_ledger']);
  });

  it('exits 2 with a JSON error for a bad or inverted window', async () => {
    const a = io();
    expect(await runReconcile(['--from', 'yesterday', '--to', '2026-11-22T12:00:00Z'], a.io, deps)).toBe(2);
    expect(JSON.parse(a.out.stderr).error).toMatchObject({ code: 'invalid_request', param: 'from' });
    const b = io();
    expect(await runReconcile(['--from', '2026-11-22T12:00:00Z', '--to', '2026-11-22T00:00:00Z'], b.io, deps)).toBe(2);
  });

  it('exits 1 when a source cannot be read', async () => {
    const { out, io: cli } = io();
    const failing = { ...deps, sources: [{ id: 'stripe', list: async () => { throw new Error('connection refused'); } }] };
    expect(await runReconcile(['--from', '2026-11-22T00:00:00Z', '--to', '2026-11-22T12:00:00Z'], cli, failing)).toBe(1);
    expect(JSON.parse(out.stderr).error.code).toBe('reconcile_failed');
  });
});
