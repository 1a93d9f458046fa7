/**
 * The saga's decision ports, filled by the agents (routing and risk). Their answers are recorded
 * on the payment and in its audit trail with their reasons.
 */
import type { Payment, RiskDecision, RoutingDecision } from '../../core/payments/index.js';

export interface RiskAssessor {
  /** `processorRiskScore`: a processor's signal (Stripe Radar's `risk_score`, 0–100) when one is known. */
  assess(payment: Payment, signals: { readonly now: Date; readonly processorRiskScore?: number; readonly customer?: { readonly name?: string } }): Promise<RiskDecision>;
}

export interface Router {
  /** Ranked candidates for this payment (first = preferred); empty when none is eligible. */
  rank(payment: Payment, signals: { readonly now: Date }): Promise<RoutingDecision>;
}
