/**
 * Bulk payouts on the local runtime: 10,000 Pix payout items (two batches of 5,000, the API's
 * per-batch cap) through HTTP → DynamoDB Local → the payout-batch state machine
 * (aws-local-stepfunctions, inline Map, MaxConcurrency 16 per batch) → the SANDBOX PSP over HTTP
 * (OAuth2 + `PUT /pix/envio/{id}`) → ledger entries and the completion event.
 * Baseline in the same run: DynamoDB Local's raw PutItem rate at the same concurrency (2 × 16).
 * A payout item costs ~4 DynamoDB round trips (claim, settle, progress ADD, ledger transaction;
 * the batch status read is shared for 250 ms) plus the PSP call (HTTP) and one Map iteration of
 * the local interpreter; the printed "PutItem-equivalents per item" says what it really costs.
 * Run alone: `node --import tsx bench/payouts.bench.ts` (starts its own DynamoDB Local).
 */
import '../local/polyfills.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { BenchResult } from './result.js';

const ITEMS = 10_000;
const BATCHES = 2;
const CONCURRENCY = 32;
const mb = (n: number): number => Math.round(n / 1048576);

/** A full GC without --expose-gc (the bench runs as plain `node --import tsx`), so heap figures compare. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function putItemRate(endpoint: string, table: string, ms: number): Promise<number> {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  let n = 0;
  const until = performance.now() + ms;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; performance.now() < until; i++) {
      await doc.send(new PutCommand({ TableName: table, Item: { pk: `BENCH#${w}#${i}`, sk: 'X', kind: 'bench', status: 'pending', amount: 1234, reference: `ref-${i}`, updated: new Date().toISOString() } }));
      n++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  doc.destroy();
  return n / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<BenchResult> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const { startRuntime } = await import('../local/runtime.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'agentpay-bench-payouts-'));
  const rt = await startRuntime({ port: 0, inMemory: true, quiet: true, dataDir, noSchedules: true });
  try {
    const adminH = { authorization: `Bearer ${rt.adminKey}`, 'content-type': 'application/json' };
    const m = (await (await fetch(`${rt.url}/v1/admin/merchants`, { method: 'POST', headers: adminH, body: JSON.stringify({ name: 'bench' }) })).json()) as { secret_key: string };
    const h = { authorization: `Bearer ${m.secret_key}`, 'content-type': 'application/json' };

    // Baseline measured twice: cold (just after DynamoDB Local started) and warm (after the run,
    // JIT warmed up, same machine load); the ratio uses the warm one, the higher of the two.
    const putColdPerS = await putItemRate(rt.dynamoEndpoint, rt.tableNames['Platform']!, 3_000);
    collect();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 250);

    const per = ITEMS / BATCHES;
    const t0 = performance.now();
    const ids: string[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const items = Array.from({ length: per }, (_, i) => ({ reference: `b${b}-${i}`, amount: 100 + i, currency: 'brl', destination: { type: 'pix_key', key: `${String(b).padStart(8, '0')}-1111-4111-8111-${String(i).padStart(12, '0')}`.replace(/^0{8}/, 'aaaaaaaa') } }));
      const res = await fetch(`${rt.url}/v1/payouts/batches`, { method: 'POST', headers: { ...h, 'idempotency-key': `bench-${b}` }, body: JSON.stringify({ items }) });
      if (res.status !== 202) throw new Error(`create batch: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const tCreated = performance.now();
    let succeeded = 0;
    for (;;) {
      const views = await Promise.all(ids.map(async (id) => (await (await fetch(`${rt.url}/v1/payouts/batches/${id}`, { headers: h })).json()) as { status: string; counts: { succeeded: number } }));
      succeeded = views.reduce((a, v) => a + v.counts.succeeded, 0);
      if (views.every((v) => v.status === 'completed' || v.status === 'completed_with_errors')) break;
      if (performance.now() - t0 > 600_000) throw new Error(`not done after 10 minutes: ${succeeded} paid`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const total = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    collect();
    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    const psp = (await (await fetch(`${rt.env['PIX_API_BASE']}/__sandbox/payouts`)).json()) as { transfers: number };
    await putItemRate(rt.dynamoEndpoint, rt.tableNames['Platform']!, 1_000);
    const putPerS = Math.max(putColdPerS, await putItemRate(rt.dynamoEndpoint, rt.tableNames['Platform']!, 4_000));
    const itemsPerS = ITEMS / total;
    const ratio = itemsPerS / putPerS;
    return {
      name: 'payouts',
      lines: [
        `payouts: ${ITEMS} items (${BATCHES} batches × ${per}) on the local runtime with the sandbox PSP over HTTP`,
        `  paid ${succeeded} (PSP transfers ${psp.transfers}) in ${total.toFixed(1)} s (create ${((tCreated - t0) / 1000).toFixed(1)} s) → ${itemsPerS.toFixed(0)} items/s`,
        `  baseline: DynamoDB Local raw PutItem at concurrency ${CONCURRENCY}: ${putPerS.toFixed(0)}/s (cold ${putColdPerS.toFixed(0)}/s) → items/s = ${(ratio * 100).toFixed(1)} % of it (≈ ${(1 / ratio).toFixed(1)} PutItem-equivalents per item)`,
        `  RSS before ${mb(rssBefore)} MB, peak ${mb(rssPeak)} MB, after ${mb(rssAfter)} MB; heap after full GC ${mb(heapBefore)} → ${mb(heapAfter)} MB (Node process; DynamoDB Local's JVM is separate)`,
      ],
      metrics: {
        payout_items: ITEMS, payout_items_paid: succeeded, psp_transfers: psp.transfers, total_s: Math.round(total * 10) / 10,
        create_s: Math.round((tCreated - t0) / 100) / 10, items_per_s: Math.round(itemsPerS), put_item_per_s_c32: Math.round(putPerS), put_item_cold_per_s_c32: Math.round(putColdPerS),
        ratio_items_vs_put_item: Math.round(ratio * 1000) / 1000, rss_before_mb: mb(rssBefore), rss_peak_mb: mb(rssPeak), rss_after_mb: mb(rssAfter), heap_before_mb: mb(heapBefore), heap_after_mb: mb(heapAfter),
      },
    };
  } finally {
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  for (const line of r.lines) console.log(line);
  console.log(JSON.stringify(r.metrics));
}
