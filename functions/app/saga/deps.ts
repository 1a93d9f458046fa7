import type { AuditTrail } from '../ports/audit-trail.js';
import type { CardProcessor } from '../ports/card-processor.js';
import type { CardRetryCounter } from '../ports/card-retries.js';
import type { RiskAssessor, Router } from '../ports/decisions.js';
import type { Ledger } from '../ports/ledger.js';
import type { PaymentMethodStore } from '../ports/payment-method-store.js';
import type { PaymentStore } from '../ports/payment-store.js';
import type { Clock } from '../ports/system.js';
import type { Payment } from '../../core/payments/index.js';
import type { Vault } from '../ports/vault.js';

/** Optional mandate budget port (agent payments); absent means merchant payments only. */
export interface BudgetReservations {
  reserve(p: { mandateId: string; paymentId: string; amount: number; currency: string; at: Date }): Promise<void>;
  release(p: { mandateId: string; paymentId: string }): Promise<void>;
  /** Turns the reservation into spent budget (payment succeeded). */
  settle(p: { mandateId: string; paymentId: string }): Promise<void>;
}

/** Opens a human review of a payment and starts its approval workflow (idempotent per payment). */
export interface ApprovalRequests {
  open(p: Payment, reason: 'risk_review' | 'mandate_threshold'): Promise<void>;
}

export interface SagaDeps {
  readonly payments: PaymentStore;
  readonly paymentMethods: PaymentMethodStore;
  readonly vault: Vault;
  readonly processors: Readonly<Record<string, CardProcessor>>;
  readonly risk: RiskAssessor;
  readonly router: Router;
  readonly ledger: Ledger;
  readonly clock: Clock;
  readonly budgets?: BudgetReservations;
  readonly approvals?: ApprovalRequests;
  readonly audit?: AuditTrail;
  /** Per-card reattempt caps across processors (exception agent); absent = not enforced. */
  readonly cardRetries?: CardRetryCounter;
}
