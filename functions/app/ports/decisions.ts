/**
 * The saga's decision ports, filled by the agents (routing and risk). Their answers are recorded
 * on the payment and in its audit trail with their reasons.
 */
import type { Payment, RiskDecision, RoutingDecision } from '../../core/payments/index.js';

export interface RiskAssessor {
  assess(payment: Payment, signals: { readonly now: Date }): Promise<RiskDecision>;
}

export interface Router {
  /** Ranked candidates for this payment (first = preferred); empty when none is eligible. */
  rank(payment: Payment, signals: { readonly now: Date }): Promise<RoutingDecision>;
}
