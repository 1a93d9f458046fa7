/**
 * The payment saga's state, passed from step to step by the state machine (JSON). The payment in
 * it is the last version written; decisions and attempt results not yet written ride along and
 * are persisted by the next write (write-ahead before every processor call, commit, or failure).
 */
import type { AuditDraft } from '../../core/audit/index.js';
import type { Failure, Payment, RiskDecision, RoutingDecision } from '../../core/payments/index.js';
import type { Sealed } from '../ports/vault.js';

export interface SagaContext {
  payment: Payment;
  /** A human approved this payment: the saga resumes at routing (reserve and risk already ran). */
  approved?: boolean;
  /** The payment needs a human decision before routing (e.g. above the mandate's threshold). */
  approval_required?: 'mandate_threshold';
  /**
   * The payment method's card as stored: ciphertext only (the vault opens it in authorize, in
   * memory), so authorize does not read the payment method again. Absent when the saga is resumed
   * after an approval; authorize then reads it. Execution data is not logged (state-machines.ts).
   */
  sealed_card?: { payment_method_id: string; sealed: Sealed };
  /** The customer in clear for this execution only (risk/AML); persisted only sealed. */
  customer?: { email?: string; tax_id?: string; name?: string };
  risk?: RiskDecision;
  routing?: RoutingDecision;
  /** Index into routing.ranked of the processor to try next. */
  cascade_index?: number;
  authorization?: { outcome: 'authorized' | 'try_next' | 'failed'; processor?: string; reference?: string; captured?: boolean };
  captured_amount?: number;
  ledger_entry_id?: string;
  failure?: Failure;
  /** Audit drafts to write with the next state change. */
  pending_audit?: AuditDraft[];
  /** Set by a Catch in the state machine: the error that sent the saga to compensation. */
  error?: { Error?: string; Cause?: string };
}

export type SagaStep =
  | 'reserve' | 'assess_risk' | 'request_approval' | 'route' | 'authorize' | 'capture' | 'post_ledger' | 'commit'
  | 'reverse_ledger' | 'refund_capture' | 'void_authorization' | 'release_reservation' | 'mark_failed';

export const SAGA_STEPS: readonly SagaStep[] = [
  'reserve', 'assess_risk', 'request_approval', 'route', 'authorize', 'capture', 'post_ledger', 'commit',
  'reverse_ledger', 'refund_capture', 'void_authorization', 'release_reservation', 'mark_failed',
];
