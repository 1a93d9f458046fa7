/**
 * The simplest router: the configured processors in order, each with a prior success estimate
 * and its contracted fee. The routing agent replaces it with learned, cost-aware rankings; the
 * saga only sees the `Router` port, so nothing else changes.
 */
import type { Router } from '../ports/decisions.js';
import type { Payment, RoutingDecision } from '../../core/payments/index.js';

export interface ProcessorPrior {
  readonly id: string;
  readonly expectedSuccess: number;
  /** Fee in basis points plus a fixed part in minor units. */
  readonly fee: { readonly percentBps: number; readonly fixed: number };
  readonly currencies?: readonly string[];
}

/** Integer fee for an amount: round half up of amount × bps / 10 000, plus the fixed part. */
export function feeFor(amount: number, fee: ProcessorPrior['fee']): number {
  return Math.floor((amount * fee.percentBps + 5_000) / 10_000) + fee.fixed;
}

export class StaticRouter implements Router {
  constructor(private readonly priors: readonly ProcessorPrior[]) {}

  async rank(p: Payment): Promise<RoutingDecision> {
    const eligible = this.priors.filter((x) => !x.currencies || x.currencies.includes(p.currency));
    const ranked = eligible.map((x) => {
      const cost = feeFor(p.amount, x.fee);
      return { processor: x.id, expected_success: x.expectedSuccess, expected_cost: cost, score: x.expectedSuccess * p.amount - cost };
    });
    return { chosen: ranked[0]?.processor ?? 'none', ranked, reason: ranked.length ? 'static priority order' : 'no processor supports this currency' };
  }
}
