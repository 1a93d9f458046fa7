import { decideException } from '../exceptions/decide.js';
import { EMPTY_HISTORY, recordAttempt } from '../exceptions/retry-caps.js';
import { feeFor } from '../routing/fees.js';
import type { RoutingConfig } from '../routing/state.js';
import { percentile } from './metrics.js';
import type { Scenario } from './scenario.js';
import { agentStrategy, oracleStrategy, roundRobinStrategy, staticBestPriorStrategy, STRATEGY_NAMES, type Strategy, type StrategyName } from './strategies.js';
import { attemptTruth, transactionAt, type SimTx } from './world.js';

export type StrategyReport = {
  readonly success_rate: number;
  /** Total fees (every attempt's fixed part, the percentage on approvals) per successful payment, minor units. */
  readonly fee_per_success: number;
  /** Oracle success rate minus this strategy's, in rate units (0.01 = 1 percentage point). */
  readonly regret_vs_oracle: number;
  readonly decision_p99_us: number;
  readonly decision_p50_us: number;
  readonly attempts_per_payment: number;
  readonly outage_recovery_transactions: number;
  /** Extension: p99 of a payment's total processor time (all attempts), virtual ms — what an outage costs a cascade. */
  readonly payment_latency_p99_ms: number;
  /** Extension: (approved amount − all fees) / payments, minor units — the utility the agent maximises. */
  readonly net_value_per_payment: number;
};

export type OutageReport = { readonly processor: string; readonly from: number; readonly to: number; readonly recovery_transactions: Readonly<Record<StrategyName, number>> };

export type SimulationReport = {
  readonly scenario: string;
  readonly seed: number;
  readonly transactions: number;
  readonly strategies: Readonly<Record<StrategyName, StrategyReport>>;
  /** The routing agent's worst outage: payments whose first attempt went to the down processor before traffic moved away. */
  readonly outage_recovery_transactions: number;
  readonly outages: readonly OutageReport[];
};

export type SimulationOptions = {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** A monotonic clock in ms (e.g. `performance.now`) used only to time decisions; timings are the only non-deterministic output. */
  readonly now?: () => number;
  /** Routing agent configuration (defaults to production's). */
  readonly routing_config?: RoutingConfig;
};

/** Traffic must stay away from a down processor for this many payments in a row to count as "moved away". */
export const MOVED_AWAY_RUN = 20;

type Run = { successes: number; approved_amount: number; fees: number; attempts: number; first: string[]; timings: number[]; latencies: number[] };

/**
 * One payment through a strategy: rank, then cascade down the ranked list while the exception
 * agent says `retry_elsewhere_now`. A payment counts once, as a success if any attempt succeeded.
 */
function pay(s: Scenario, seed: number, strategy: Strategy, tx: SimTx, run: Run, now: () => number): void {
  const t0 = now();
  const ranked = strategy.rank(tx);
  run.timings.push((now() - t0) * 1000);
  run.first.push(ranked[0] ?? '');
  let history = EMPTY_HISTORY;
  let latency = 0;
  try {
    for (let k = 0; k < ranked.length; k++) {
      const p = s.processors.find((x) => x.id === ranked[k])!;
      const truth = attemptTruth(p, tx, seed);
      run.attempts++;
      latency += truth.latency_ms;
      strategy.observe(tx, p.id, truth);
      if (truth.result === 'approved') {
        run.successes++;
        run.approved_amount += tx.amount;
        run.fees += feeFor(tx.amount, p.fee);
        return;
      }
      run.fees += p.fee.fixed;
      history = recordAttempt(history, tx.at);
      const d = decideException({ code: truth.code }, {
        now: tx.at, method: tx.method, ...(tx.brand !== undefined ? { brand: tx.brand } : {}),
        card_history: history, remaining_processors: ranked.length - k - 1, customer_present: true, pix_available: false,
      });
      if (d.action !== 'retry_elsewhere_now') return;
    }
  } finally {
    run.latencies.push(latency);
  }
}

function recovery(first: readonly string[], processor: string, from: number, to: number): number {
  let count = 0;
  let gap = 0;
  for (let i = from; i < Math.min(to, first.length); i++) {
    if (first[i] === processor) { count++; gap = 0; } else if (++gap >= MOVED_AWAY_RUN) break;
  }
  return count;
}

/**
 * Replays a scenario through every strategy on the same transactions and the same per-(tx,
 * processor) outcomes. Pure apart from the injected timer; same seed → same report, timings aside.
 */
export function runSimulation(s: Scenario, opts: SimulationOptions = {}): SimulationReport {
  const seed = opts.seed ?? s.seed;
  const now = opts.now ?? (() => 0);
  const strategies: Strategy[] = [agentStrategy(s, seed, opts.routing_config), staticBestPriorStrategy(s), roundRobinStrategy(s), oracleStrategy(s)];
  const runs = new Map<StrategyName, Run>(strategies.map((st) => [st.name, { successes: 0, approved_amount: 0, fees: 0, attempts: 0, first: [], timings: [], latencies: [] }]));
  for (let i = 0; i < s.transactions; i++) {
    const tx = transactionAt(s, seed, i);
    for (const st of strategies) pay(s, seed, st, tx, runs.get(st.name)!, now);
  }
  const outageList = s.processors.flatMap((p) => (p.outages ?? []).map((o) => ({ processor: p.id, from: o.from, to: o.to })));
  const outages: OutageReport[] = outageList.map((o) => ({
    ...o,
    recovery_transactions: Object.fromEntries(STRATEGY_NAMES.map((n) => [n, recovery(runs.get(n)!.first, o.processor, o.from, o.to)])) as Record<StrategyName, number>,
  }));
  const oracleRate = runs.get('oracle')!.successes / s.transactions;
  const report = {} as Record<StrategyName, StrategyReport>;
  for (const name of STRATEGY_NAMES) {
    const r = runs.get(name)!;
    const rate = r.successes / s.transactions;
    report[name] = {
      success_rate: round(rate, 5),
      fee_per_success: r.successes === 0 ? 0 : round(r.fees / r.successes, 2),
      regret_vs_oracle: round(oracleRate - rate, 5),
      decision_p99_us: round(percentile(r.timings, 99), 2),
      decision_p50_us: round(percentile(r.timings, 50), 2),
      attempts_per_payment: round(r.attempts / s.transactions, 4),
      outage_recovery_transactions: outages.reduce((m, o) => Math.max(m, o.recovery_transactions[name]), 0),
      payment_latency_p99_ms: percentile(r.latencies, 99),
      net_value_per_payment: round((r.approved_amount - r.fees) / s.transactions, 2),
    };
  }
  return {
    scenario: s.name, seed, transactions: s.transactions, strategies: report,
    outage_recovery_transactions: report.agent.outage_recovery_transactions, outages,
  };
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
