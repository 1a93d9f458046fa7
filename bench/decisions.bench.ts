/**
 * Routing + risk decision latency in process (DESIGN.md §8: p99 ≤ 200 µs). One "decision" is what
 * the saga's AssessRisk and Route steps compute for a payment once its records are fetched:
 * risk features + model + thresholds + rules, then Thompson-sampled routing over three
 * processors with warm segment statistics. Baseline, timed the same way in the same run: a
 * SHA-256 of the request's JSON (the cheapest thing any payment path does with a request).
 * Run alone: `node --import tsx bench/decisions.bench.ts`.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { percentile } from '../functions/core/lab/metrics.js';
import { runBacktest } from '../functions/core/lab/backtest.js';
import { assessRisk } from '../functions/core/risk/assess.js';
import { entityKeys, type RiskSnapshot } from '../functions/core/risk/features.js';
import { recordPayment } from '../functions/core/risk/history.js';
import { decideRoute } from '../functions/core/routing/decide.js';
import { createPrng } from '../functions/core/routing/prng.js';
import { emptyRoutingState, recordOutcome, type RoutingState } from '../functions/core/routing/state.js';
import type { ProcessorProfile } from '../functions/core/routing/types.js';
import { generateFraudData } from './fraud-gen.js';
import type { BenchResult } from './result.js';

const WARM_LINES = 20_000;
const MEASURED = 20_000;
const PROCESSORS: ProcessorProfile[] = [
  { id: 'stripe', methods: ['card'], currencies: ['brl', 'usd'], fee: { percent_bps: 299, fixed: 39 } },
  { id: 'adyen', methods: ['card'], currencies: ['brl', 'usd'], fee: { percent_bps: 280, fixed: 45 } },
  { id: 'acq_local', methods: ['card', 'pix'], currencies: ['brl'], fee: { percent_bps: 240, fixed: 25 } },
  { id: 'pix_psp', methods: ['pix'], currencies: ['brl'], fee: { percent_bps: 0, fixed: 10 } },
];
const BRANDS = ['visa', 'mastercard', 'elo', 'amex'];

function summarise(xs: number[]): { p50: number; p99: number } {
  return { p50: percentile(xs, 50), p99: percentile(xs, 99) };
}

export async function run(): Promise<BenchResult> {
  // Warm state: a trained model and thresholds, entity records, routing statistics.
  const lines = generateFraudData({ seed: 11, n: WARM_LINES + MEASURED });
  const warm = lines.slice(0, WARM_LINES);
  const measured = lines.slice(WARM_LINES);
  const { model, thresholds } = runBacktest(warm);
  const store = new Map<string, unknown>();
  let routing: RoutingState = emptyRoutingState();
  const rng = createPrng(5);
  warm.forEach((l, i) => {
    const keys = entityKeys(l);
    const snap = snapshotOf(store, keys);
    const next = recordPayment(snap, l, Date.parse(l.at));
    persist(store, keys, next);
    const processor = PROCESSORS[i % 3]!.id;
    routing = recordOutcome(routing, { processor, result: rng() < 0.9 ? 'approved' : 'declined', latency_ms: 150, at: Date.parse(l.at), request: { method: 'card', currency: 'brl', brand: BRANDS[i % 4]!, amount: l.amount } });
  });
  const snapshots = measured.map((l) => snapshotOf(store, entityKeys(l)));

  const decision: number[] = [];
  const baseline: number[] = [];
  let sink = 0;
  for (let round = 0; round < 2; round++) {
    // Round 0 warms the JIT; only round 1 is recorded. Decision and baseline alternate per request.
    for (let i = 0; i < measured.length; i++) {
      const l = measured[i]!;
      const at = Date.parse(l.at);
      const t0 = performance.now();
      const risk = assessRisk({ request: l, snapshot: snapshots[i]!, model, thresholds, now: at });
      const route = decideRoute({
        request: { payment_id: l.id, merchant_id: l.merchant_id, amount: l.amount, currency: l.currency, method: l.method, brand: BRANDS[i % 4]! },
        processors: PROCESSORS, state: routing, now: at, rng,
      });
      const t1 = performance.now();
      const digest = createHash('sha256').update(JSON.stringify(l)).digest();
      const t2 = performance.now();
      sink += risk.decision.score + route.ranked.length + digest[0]!;
      if (round === 1) {
        decision.push((t1 - t0) * 1000);
        baseline.push((t2 - t1) * 1000);
      }
    }
  }
  const d = summarise(decision);
  const b = summarise(baseline);
  const metrics = {
    decision_p50_us: round2(d.p50),
    decision_p99_us: round2(d.p99),
    baseline_sha256_p50_us: round2(b.p50),
    baseline_sha256_p99_us: round2(b.p99),
    decision_over_baseline_p50: round2(d.p50 / b.p50),
    decision_over_baseline_p99: round2(d.p99 / b.p99),
    decisions: decision.length,
  };
  return {
    name: 'decisions',
    lines: [
      `routing+risk decision over ${decision.length} payments: p50 ${metrics.decision_p50_us} µs, p99 ${metrics.decision_p99_us} µs (target p99 ≤ 200 µs)`,
      `baseline sha256(request JSON): p50 ${metrics.baseline_sha256_p50_us} µs, p99 ${metrics.baseline_sha256_p99_us} µs`,
      `ratio decision/baseline: p50 ${metrics.decision_over_baseline_p50}×, p99 ${metrics.decision_over_baseline_p99}× (sink ${sink > 0 ? 'ok' : 'empty'})`,
    ],
    metrics,
  };
}

function snapshotOf(store: Map<string, unknown>, keys: ReturnType<typeof entityKeys>): RiskSnapshot {
  return {
    agent: store.get(keys.agent) as RiskSnapshot['agent'],
    ...(keys.card ? { card: store.get(keys.card) as RiskSnapshot['card'] } : {}),
    ...(keys.device ? { device: store.get(keys.device) as RiskSnapshot['device'] } : {}),
    ...(keys.ip ? { ip: store.get(keys.ip) as RiskSnapshot['ip'] } : {}),
    ...(keys.pix_key ? { pix_key: store.get(keys.pix_key) as RiskSnapshot['pix_key'] } : {}),
  };
}

function persist(store: Map<string, unknown>, keys: ReturnType<typeof entityKeys>, s: RiskSnapshot): void {
  store.set(keys.agent, s.agent);
  if (keys.card) store.set(keys.card, s.card);
  if (keys.device) store.set(keys.device, s.device);
  if (keys.ip) store.set(keys.ip, s.ip);
  if (keys.pix_key) store.set(keys.pix_key, s.pix_key);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  for (const line of r.lines) console.log(line);
  console.log(JSON.stringify(r.metrics));
}
