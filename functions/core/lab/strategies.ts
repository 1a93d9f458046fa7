import { decideRoute } from '../routing/decide.js';
import { percentPart } from '../routing/fees.js';
import { createPrng } from '../routing/prng.js';
import { DEFAULT_ROUTING_CONFIG, emptyRoutingState, recordOutcome, type RoutingConfig, type RoutingState } from '../routing/state.js';
import type { ProcessorProfile, RoutingDecision } from '../routing/types.js';
import type { Scenario } from './scenario.js';
import { trueRate, type AttemptTruth, type SimTx } from './world.js';

export const STRATEGY_NAMES = ['agent', 'static_best_prior', 'round_robin', 'oracle'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** A routing policy under test: ranks processors, then hears each attempt's result. */
export interface Strategy {
  readonly name: StrategyName;
  rank(tx: SimTx): readonly string[];
  observe(tx: SimTx, processor: string, truth: AttemptTruth): void;
}

export function eligibleFor(s: Scenario, tx: SimTx): Scenario['processors'] {
  return s.processors.filter((p) => p.methods.includes(tx.method) && p.currencies.includes(tx.currency));
}

function utility(p: Scenario['processors'][number], tx: SimTx, rate: number): number {
  return rate * tx.amount - (p.fee.fixed + rate * percentPart(tx.amount, p.fee.percent_bps));
}

/** The routing agent: the production routing core, its state evolved by the pure update. */
export function agentStrategy(s: Scenario, seed: number, config: RoutingConfig = DEFAULT_ROUTING_CONFIG): Strategy & { state(): RoutingState; last(): RoutingDecision | undefined } {
  const processors: ProcessorProfile[] = s.processors.map((p) => ({ id: p.id, methods: p.methods, currencies: p.currencies, fee: p.fee }));
  const rng = createPrng(seed ^ 0x5eed);
  let state = emptyRoutingState();
  let last: RoutingDecision | undefined;
  return {
    name: 'agent',
    rank(tx) {
      last = decideRoute({
        request: { payment_id: `sim_${tx.index}`, merchant_id: 'mer_sim', amount: tx.amount, currency: tx.currency, method: tx.method, ...(tx.brand !== undefined ? { brand: tx.brand } : {}) },
        processors, state, now: tx.at, rng, config,
      });
      return last.ranked.map((r) => r.processor);
    },
    observe(tx, processor, truth) {
      state = recordOutcome(state, {
        processor, result: truth.result, latency_ms: truth.latency_ms, at: tx.at,
        request: { method: tx.method, currency: tx.currency, amount: tx.amount, ...(tx.brand !== undefined ? { brand: tx.brand } : {}) },
      }, config);
    },
    state: () => state,
    last: () => last,
  };
}

/** The processor that looked best at index 0 (rate, then utility), forever. */
export function staticBestPriorStrategy(s: Scenario): Strategy {
  const order = (tx: SimTx) => eligibleFor(s, tx)
    .map((p) => ({ id: p.id, rate: p.success_rate[0]!.rate, u: utility(p, tx, p.success_rate[0]!.rate) }))
    .sort((a, b) => b.rate - a.rate || b.u - a.u || (a.id < b.id ? -1 : 1))
    .map((x) => x.id);
  return { name: 'static_best_prior', rank: order, observe: () => undefined };
}

export function roundRobinStrategy(s: Scenario): Strategy {
  let turn = 0;
  return {
    name: 'round_robin',
    rank(tx) {
      const ids = eligibleFor(s, tx).map((p) => p.id);
      const k = ids.length === 0 ? 0 : turn++ % ids.length;
      return [...ids.slice(k), ...ids.slice(0, k)];
    },
    observe: () => undefined,
  };
}

/** Knows every processor's true current rate (and outages); ranks by true expected utility. */
export function oracleStrategy(s: Scenario): Strategy {
  return {
    name: 'oracle',
    rank: (tx) => eligibleFor(s, tx)
      .map((p) => ({ id: p.id, u: utility(p, tx, trueRate(p, tx)) }))
      .sort((a, b) => b.u - a.u || (a.id < b.id ? -1 : 1))
      .map((x) => x.id),
    observe: () => undefined,
  };
}
