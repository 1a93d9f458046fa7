import type { SagaContext } from '../saga/context.js';

/** Runs the payment saga to its end (Step Functions express, synchronous; locally the same ASL). */
export interface PaymentWorkflow {
  run(input: SagaContext): Promise<SagaContext>;
}

/** The workflow itself failed (not the payment): the API answers 5xx and the retry resumes. */
export class WorkflowFailedError extends Error {
  override readonly name = 'WorkflowFailedError';
  constructor(readonly error: string | undefined, readonly causeText: string | undefined) {
    super(`payment workflow failed: ${error ?? 'unknown'}`);
  }
}
