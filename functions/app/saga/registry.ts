import type { SagaContext, SagaStep } from './context.js';
import type { SagaDeps } from './deps.js';
import { markFailed, refundCapture, releaseReservation, reverseLedger, voidAuthorization } from './compensations.js';
import { assessRisk, authorize, capture, commit, postLedger, requestApproval, reserve, route } from './steps.js';

export const sagaSteps: Record<SagaStep, (ctx: SagaContext, deps: SagaDeps) => Promise<SagaContext>> = {
  reserve,
  assess_risk: assessRisk,
  request_approval: requestApproval,
  route,
  authorize,
  capture,
  post_ledger: postLedger,
  commit,
  reverse_ledger: reverseLedger,
  refund_capture: refundCapture,
  void_authorization: voidAuthorization,
  release_reservation: releaseReservation,
  mark_failed: markFailed,
};
