/** The approval workflow's Task handler (statemachines/payment-approval.asl.json). */
import { awaitDecision, rejectPending, resumeApproved } from '../../app/approvals.js';
import { clock, paymentStore } from '../root.js';
import { paymentWorkflow } from '../root-payments.js';
import { agentStore, approvalDeps, budgets, reviewStore } from '../root-mandates.js';

interface Input { review_id: string; payment_id: string; error?: { Error?: string } }

const resumeDeps = () => ({ payments: paymentStore(), workflow: paymentWorkflow(), clock, budgets: budgets(), agents: agentStore(), reviews: reviewStore() });

export const handler = async (event: { step: 'await_decision' | 'resume' | 'reject'; token?: string; input: Input }): Promise<{ status: string }> => {
  const { review_id, payment_id, error } = event.input;
  switch (event.step) {
    case 'await_decision':
      await awaitDecision(review_id, event.token ?? '', approvalDeps());
      return { status: 'waiting' };
    case 'resume':
      return { status: (await resumeApproved(payment_id, resumeDeps()))?.status ?? 'missing' };
    case 'reject':
      return { status: (await rejectPending(payment_id, error?.Error === 'States.Timeout' ? 'expired' : 'declined', resumeDeps()))?.status ?? 'missing' };
  }
};
