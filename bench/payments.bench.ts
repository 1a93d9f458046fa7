/**
 * Card payments end to end on the local runtime (HTTP → authorizer → handler → saga on the local
 * Step Functions → connectors → sandbox acquirers → DynamoDB Local), at concurrency 8, against a
 * baseline measured in the same run: DynamoDB Local's own TransactWriteItems rate (2 puts) at
 * concurrency 8 through the same path (DESIGN.md §8). Also prints DynamoDB round trips per
 * payment (counted by a pass-through proxy in front of DynamoDB Local) and the local saga
 * interpreter's overhead per execution.
 */
import '../local/polyfills.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { startDynamoLocal } from '../local/dynamodb/launcher.js';
import { startRuntime } from '../local/runtime.js';
import type { BenchResult } from './result.js';

const CONCURRENCY = 8;
const PAYMENTS = Number(process.env['BENCH_PAYMENTS'] ?? 400);
const BASELINE_OPS = 1200;

/** BENCH_DDB_DEBUG=1: also count requests by operation, table and key prefix (`PAY#…` → `PAY`). */
const DEBUG = process.env['BENCH_DDB_DEBUG'] === '1';
const detail = new Map<string, number>();

function shapeOf(body: string): string {
  const prefixes = new Set<string>();
  const tables = new Set<string>();
  let j: unknown;
  try { j = JSON.parse(body); } catch { return '?'; }
  const walk = (v: unknown, table?: string): void => {
    if (Array.isArray(v)) { for (const x of v) walk(x, table); return; }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const t = typeof o['TableName'] === 'string' ? (o['TableName'] as string) : table;
    if (t && typeof o['TableName'] === 'string') tables.add(t.replace(/^.*-/, ''));
    const pk = (o['pk'] as { S?: string } | undefined)?.S;
    if (typeof pk === 'string') prefixes.add(pk.split('#')[0]!);
    for (const [k, x] of Object.entries(o)) {
      if (k === 'RequestItems' && x && typeof x === 'object') for (const [tn, y] of Object.entries(x)) { tables.add(tn.replace(/^.*-/, '')); walk(y, tn); }
      else if (k !== 'pk') walk(x, t);
    }
  };
  walk(j);
  return `${[...tables].sort().join(',')} ${[...prefixes].sort().join(',')}`;
}

/** Forwards every request to DynamoDB Local and counts them by operation. */
async function countingProxy(target: string): Promise<{ url: string; counts: Map<string, number>; total(): number; server: Server }> {
  const t = new URL(target);
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const op = String(req.headers['x-amz-target'] ?? 'other').split('.').pop()!;
    counts.set(op, (counts.get(op) ?? 0) + 1);
    const up = httpRequest({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 500, r.headers);
      r.pipe(res);
    });
    up.on('error', () => { res.statusCode = 502; res.end(); });
    if (DEBUG) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => { const d = `${op} ${shapeOf(Buffer.concat(chunks).toString('utf8'))}`; detail.set(d, (detail.get(d) ?? 0) + 1); });
    }
    req.pipe(up);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, counts, total: () => [...counts.values()].reduce((a, b) => a + b, 0), server };
}

async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  }));
  return latencies.sort((a, b) => a - b);
}

const pct = (xs: number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function transactBaseline(endpoint: string): Promise<number> {
  const db = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await db.send(new CreateTableCommand({ TableName: 'bench-baseline', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  const put = (i: number) => db.send(new TransactWriteItemsCommand({
    TransactItems: [
      { Put: { TableName: 'bench-baseline', Item: { pk: { S: `a${i}` }, v: { N: String(i) } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: 'bench-baseline', Item: { pk: { S: `b${i}` }, v: { N: String(i) } }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  }));
  await pool(100, CONCURRENCY, async (i) => void (await put(1_000_000 + i)));
  const t0 = performance.now();
  await pool(BASELINE_OPS, CONCURRENCY, async (i) => void (await put(i)));
  return BASELINE_OPS / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<BenchResult> {
  const ddb = await startDynamoLocal({ inMemory: true });
  const proxy = await countingProxy(ddb.endpoint);
  const dataDir = mkdtempSync(join(tmpdir(), 'agentpay-bench-'));
  const rt = await startRuntime({ port: 0, inMemory: true, quiet: true, dataDir, dynamoEndpoint: proxy.url, noSchedules: true });
  try {
    const txPerSec = await transactBaseline(proxy.url);
    const post = async (path: string, key: string, body: unknown, idem?: string) => {
      const r = await fetch(`${rt.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(idem ? { 'idempotency-key': idem } : {}) }, body: JSON.stringify(body) });
      const json = (await r.json()) as Record<string, unknown>;
      if (r.status >= 300) throw new Error(`${path} → ${r.status} ${JSON.stringify(json)}`);
      return json;
    };
    const merchant = await post('/v1/admin/merchants', rt.adminKey, { name: 'Bench' });
    const key = merchant['secret_key'] as string;
    const pm = await post('/v1/payment_methods', key, { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2031 } });
    const pay = async (i: number, tag: string) => {
      const p = await post('/v1/payments', key, { amount: 1000 + (i % 100), currency: 'brl', payment_method: { type: 'card', token: pm['id'] } }, `${tag}-${i}`);
      if (p['status'] !== 'succeeded') throw new Error(`payment ${i} ended ${String(p['status'])}`);
    };
    await pool(40, CONCURRENCY, (i) => pay(i, 'warm'));
    const overhead = (rt.sfn as unknown as { overhead?: { reset(): void; stats(): { meanMs: number; p50Ms: number; p95Ms: number; executions: number } } }).overhead;
    overhead?.reset();
    const callsBefore = proxy.total();
    const byOpBefore = new Map(proxy.counts);
    const detailBefore = new Map(detail);
    const t0 = performance.now();
    const lat = await pool(PAYMENTS, CONCURRENCY, (i) => pay(i, 'run'));
    const seconds = (performance.now() - t0) / 1000;
    // Let the outbox consumers (event log, webhooks, agents) settle, then count what the payments
    // caused: every operation once nothing but stream polling is left, stream polling as of the
    // end of the run (idle polling goes on at its own pace, whatever the payment rate).
    const polling = new Set(['GetRecords', 'DescribeStream', 'GetShardIterator', 'DescribeTable']);
    const atEnd = new Map(proxy.counts);
    const work = () => [...proxy.counts].filter(([op]) => !polling.has(op)).reduce((a, [, n]) => a + n, 0);
    const settleStart = performance.now();
    for (let last = -1, stableSince = performance.now(); performance.now() - settleStart < 60_000;) {
      await new Promise((r) => setTimeout(r, 100));
      const w = work();
      if (w !== last) { last = w; stableSince = performance.now(); } else if (performance.now() - stableSince >= 500) break;
    }
    const settleMs = Math.max(0, performance.now() - settleStart - 500);
    const counted = new Map([...proxy.counts].map(([op, n]) => [op, polling.has(op) ? (atEnd.get(op) ?? 0) : n]));
    const calls = [...counted.values()].reduce((a, b) => a + b, 0) - callsBefore;
    const byOp = [...counted].map(([op, n]) => [op, (n - (byOpBefore.get(op) ?? 0)) / PAYMENTS] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const perSec = PAYMENTS / seconds;
    if (DEBUG) {
      for (const [d, n] of [...detail].map(([d, n]) => [d, (n - (detailBefore.get(d) ?? 0)) / PAYMENTS] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])) {
        console.log(`  ${n.toFixed(2)}  ${d}`);
      }
    }
    const ov = overhead?.stats();
    const metrics: Record<string, number> = {
      payments_per_s: perSec,
      p50_ms: pct(lat, 0.5),
      p99_ms: pct(lat, 0.99),
      ddb_transact_writes_per_s_baseline: txPerSec,
      ratio_payments_to_transact_rate: perSec / txPerSec,
      ddb_requests_per_payment_incl_async: calls / PAYMENTS,
      consumers_settle_ms: settleMs,
      saga_interpreter_overhead_mean_ms: ov?.meanMs ?? Number.NaN,
      saga_interpreter_overhead_p95_ms: ov?.p95Ms ?? Number.NaN,
    };
    return {
      name: 'payments',
      lines: [
        `card payments e2e, concurrency ${CONCURRENCY}, ${PAYMENTS} payments: ${perSec.toFixed(1)}/s, p50 ${metrics['p50_ms']!.toFixed(1)} ms, p99 ${metrics['p99_ms']!.toFixed(1)} ms`,
        `baseline DynamoDB Local TransactWriteItems (2 puts) at concurrency ${CONCURRENCY}: ${txPerSec.toFixed(1)}/s`,
        `ratio payments/s ÷ TransactWriteItems/s = ${(perSec / txPerSec).toFixed(3)} (target ≥ 0.25); p50 target ≤ 30 ms`,
        `DynamoDB requests per payment (all, incl. outbox stream and event consumers): ${(calls / PAYMENTS).toFixed(2)} — ${byOp.map(([op, n]) => `${op} ${n.toFixed(2)}`).join(', ')}`,
        `event consumers settled ${settleMs.toFixed(0)} ms after the last payment answered`,
        `local saga interpreter overhead per execution: mean ${(ov?.meanMs ?? NaN).toFixed(2)} ms, p95 ${(ov?.p95Ms ?? NaN).toFixed(2)} ms over ${ov?.executions ?? 0} executions`,
      ],
      metrics,
    };
  } finally {
    await rt.stop();
    await new Promise<void>((r) => proxy.server.close(() => r()));
    proxy.server.closeAllConnections();
    await ddb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await run();
  for (const l of r.lines) console.log(l);
  process.exit(0);
}
