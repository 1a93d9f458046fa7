/**
 * Risk vocabulary. `RiskDecision` is exactly API.md's `decision.risk`, plus `rules` (the explicit
 * rules that acted), an extension the contract allows.
 */
export type RiskRequest = {
  readonly id: string;
  /** RFC 3339 UTC. */
  readonly at: string;
  readonly agent_id: string;
  readonly merchant_id: string;
  readonly amount: number;
  readonly currency: string;
  readonly method: string;
  readonly card_fingerprint?: string;
  readonly pix_key?: string;
  readonly device_id?: string;
  readonly ip?: string;
  /** ISO 3166-1 alpha-2 of the request's origin (IP geolocation or card issuer). */
  readonly country?: string;
  /** Name of the payee or payer to screen (AML), if known. */
  readonly counterparty_name?: string;
  /** The agent's mandate budget and what is already spent/reserved in the period, minor units. */
  readonly mandate?: { readonly budget: number; readonly spent: number };
  /** Processor risk signal normalised to [0, 100], e.g. Stripe Radar's `risk_score`. */
  readonly processor_risk_score?: number;
};

export type RiskOutcome = 'approve' | 'review' | 'decline';

export type Reason = { readonly feature: string; readonly contribution: number };

export type RiskDecision = {
  /** Fraud probability in [0, 1]. */
  readonly score: number;
  readonly outcome: RiskOutcome;
  /** Per-feature log-odds contributions, sorted by |contribution| descending. */
  readonly reasons: readonly Reason[];
  /** Explicit rules that forced or raised the outcome (empty when the model alone decided). */
  readonly rules: readonly string[];
};
