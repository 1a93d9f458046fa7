/**
 * Runs the payment saga as a Step Functions express workflow, synchronously (StartSyncExecution).
 * Locally the SDK reaches the embedded interpreter through AWS_ENDPOINT_URL_SFN.
 */
import { SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { WorkflowFailedError, type PaymentWorkflow } from '../../app/ports/payment-workflow.js';
import type { SagaContext } from '../../app/saga/context.js';

export class StepFunctionsPaymentWorkflow implements PaymentWorkflow {
  private readonly sfn: SFNClient;
  constructor(region: string, private readonly stateMachineArn: string) {
    // No SDK retries: a sync execution that failed midway must not be started twice by the SDK;
    // the client's retry (same Idempotency-Key) resumes the same payment instead.
    this.sfn = new SFNClient({ region, maxAttempts: 1 });
  }

  async run(input: SagaContext): Promise<SagaContext> {
    const r = await this.sfn.send(new StartSyncExecutionCommand({
      stateMachineArn: this.stateMachineArn,
      name: `${input.payment.id}-${input.payment.version}-${Date.now().toString(36)}`,
      input: JSON.stringify(input),
    }));
    if (r.status !== 'SUCCEEDED' || !r.output) throw new WorkflowFailedError(r.error, r.cause);
    return JSON.parse(r.output) as SagaContext;
  }
}
