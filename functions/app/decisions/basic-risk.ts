/**
 * A transparent rule-based risk assessor: hard caps and an amount-based score with per-feature
 * contributions. The risk agent replaces it with the learned model behind the same port.
 */
import type { RiskAssessor } from '../ports/decisions.js';
import type { Payment, RiskDecision } from '../../core/payments/index.js';

export interface BasicRiskOptions {
  /** Above this amount (minor units) a payment is declined outright. */
  readonly hardCap: number;
  /** Above this amount a payment goes to review. */
  readonly reviewAbove: number;
}

export class BasicRiskAssessor implements RiskAssessor {
  constructor(private readonly opts: BasicRiskOptions) {}

  async assess(p: Payment): Promise<RiskDecision> {
    // log-scaled amount: 0 at 1.00, ~0.5 at the review threshold.
    const amountFeature = Math.min(1, Math.log10(1 + p.amount) / (2 * Math.log10(1 + this.opts.reviewAbove)));
    const score = Math.round(amountFeature * 1000) / 1000;
    const reasons = [{ feature: 'amount', contribution: score }];
    if (p.amount > this.opts.hardCap) return { score: 1, outcome: 'decline', reasons: [{ feature: 'hard_cap', contribution: 1 }] };
    if (p.amount > this.opts.reviewAbove) return { score: Math.max(score, 0.5), outcome: 'review', reasons };
    return { score, outcome: 'approve', reasons };
  }
}
