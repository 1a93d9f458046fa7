/**
 * Agents act for a merchant under mandates (API.md "Agents and mandates"). A stored mandate is
 * created through the API and bound to one agent key; an open mandate is an AP2-style signed
 * token (compact JWS) from the agent's principal, registered on first use and tracked per `jti`.
 */
export const BUDGET_PERIODS = ['day', 'week', 'month', 'total'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const MANDATE_PAYMENT_METHODS = ['card', 'pix'] as const;
export type MandatePaymentMethod = (typeof MANDATE_PAYMENT_METHODS)[number];

export interface Mandate {
  readonly id: string;
  readonly kind: 'stored' | 'open';
  readonly agent_id: string;
  readonly merchant_id: string;
  readonly currency: string;
  /** Per-payment ceiling (stored mandates; open mandates: `amount.max`). */
  readonly max_amount_per_payment: number;
  /** Per-payment floor (open mandates' `amount.min`); 0 when absent. */
  readonly min_amount_per_payment?: number;
  readonly budget: { readonly amount: number; readonly period: BudgetPeriod };
  readonly allowed_payment_methods: readonly MandatePaymentMethod[];
  readonly allowed_merchant_categories?: readonly string[];
  /** Open mandates: the merchant ids the principal allows as payees. */
  readonly allowed_payees?: readonly string[];
  readonly requires_approval_above?: number;
  readonly expires_at: string;
  readonly status: 'active' | 'revoked';
  readonly created: string;
  /** Stored mandates: the hash of the agent key issued with it (revoked together). */
  readonly key_hash?: string;
  /** Open mandates: the JWS `jti` and a hash of its claims (a reused jti must carry the same claims). */
  readonly jti?: string;
  readonly claims_hash?: string;
}

export interface Agent {
  readonly id: string;
  readonly merchant_id: string;
  readonly name: string;
  readonly description?: string;
  /** The principal's public key (JWK, EC P-256) that signs open mandates (ES256). */
  readonly principal_jwk?: Readonly<Record<string, string>>;
  readonly created: string;
}

/** A mandate limit a payment would break; `param` names it (API.md `mandate_violation`). */
export interface MandateViolation {
  readonly param: 'status' | 'expires_at' | 'currency' | 'amount' | 'payment_method' | 'merchant_category' | 'payee' | 'budget';
  readonly message: string;
}
