/**
 * Restart safety: the local runtime is KILLED (SIGKILL, no clean stop) in the middle of a payout
 * batch and started again on the same data (DynamoDB tables, data dir with the PSP's journal).
 * The sweep finds the batch running without a live execution, starts a new run that re-scans
 * pending AND processing items, and every item ends paid exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniquePrefix } from '../support/dynamo.js';
import { api, createMerchant, sandboxPayouts, validItems } from '../support/payouts.js';

interface Child { proc: ChildProcess; url: string; pixBase: string; swept: { resumed: string[] } }

function startChild(options: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/runtime-child.ts', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\{.*\})\n/.exec(out);
      if (m) resolve({ proc, ...(JSON.parse(m[1]!) as Omit<Child, 'proc'>) });
    });
    proc.once('exit', (code) => reject(new Error(`runtime child exited ${code}: ${err.slice(-2000)}`)));
  });
}

const kill = (c: Child): Promise<void> => new Promise((resolve) => { c.proc.once('exit', () => resolve()); c.proc.kill('SIGKILL'); });

describe('payout batch across a runtime crash and restart (e2e, child process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'agentpay-restart-'));
  const options = { dynamoEndpoint: inject('ddbEndpoint'), tablePrefix: uniquePrefix('rs'), dataDir, adminKey: `agentpay_admin_${'7'.repeat(48)}` };
  let live: Child | undefined;
  afterAll(async () => {
    if (live) await kill(live);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a runtime killed mid-batch resumes after restart and pays every item exactly once', async () => {
    live = await startChild(options);
    const merchant = await createMerchant(live.url, options.adminKey);
    const items = validItems(800, 'crash');
    const total = items.reduce((a, i) => a + i.amount, 0);
    const created = await api(live.url, merchant.secret_key).post('/v1/payouts/batches', { items }, 'crash-batch');
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };

    // Kill once the PSP has paid part of the batch.
    let paidAtKill = 0;
    while (paidAtKill < 150) {
      await new Promise((r) => setTimeout(r, 20));
      paidAtKill = (await sandboxPayouts(live.pixBase)).transfers;
    }
    await kill(live);
    expect(paidAtKill).toBeLessThan(800);
    live = undefined;

    live = await startChild(options);
    expect(live.swept.resumed).toContain(id);
    const http = api(live.url, merchant.secret_key);
    const done = await http.until(id, ['completed', 'completed_with_errors'], 45_000);
    expect(done).toMatchObject({ status: 'completed', counts: { total: 800, succeeded: 800, failed: 0, pending: 0 } });

    const psp = await sandboxPayouts(live.pixBase);
    expect(psp.transfers).toBe(800);
    expect(psp.total_centavos).toBe(total);
    const balances = (await (await http.get('/v1/ledger/balances')).json()) as { balances: Array<{ account: string; amount: number }> };
    expect(balances.balances.find((b) => b.account === 'payout_clearing')?.amount).toBe(-total);
  }, 90_000);
});
