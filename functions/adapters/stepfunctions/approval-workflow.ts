/**
 * The approval workflow on Step Functions: a STANDARD execution per review (named after it, so a
 * retried start is a no-op) whose first Task waits on a task token (`.waitForTaskToken`); the
 * reviews API answers it with SendTaskSuccess / SendTaskFailure. Locally the same calls reach the
 * embedded runtime's token broker through AWS_ENDPOINT_URL_SFN.
 */
import { ExecutionAlreadyExists, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ApprovalWorkflow } from '../../app/ports/review-store.js';

/** The other side already answered the token (or it timed out): nothing left to do. */
const alreadyClosed = (err: unknown): boolean => ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'].includes((err as { name?: string }).name ?? '');

export class StepFunctionsApprovalWorkflow implements ApprovalWorkflow {
  private readonly sfn: SFNClient;
  constructor(region: string, private readonly stateMachineArn: string) {
    this.sfn = new SFNClient({ region });
  }

  async start(input: { review_id: string; payment_id: string; merchant_id: string }): Promise<void> {
    try {
      await this.sfn.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: input.review_id, input: JSON.stringify(input) }));
    } catch (err) {
      if (!(err instanceof ExecutionAlreadyExists)) throw err;
    }
  }

  async succeed(token: string, output: unknown): Promise<void> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    } catch (err) {
      if (!alreadyClosed(err)) throw err;
    }
  }

  async fail(token: string, error: string, cause: string): Promise<void> {
    try {
      await this.sfn.send(new SendTaskFailureCommand({ taskToken: token, error, cause }));
    } catch (err) {
      if (!alreadyClosed(err)) throw err;
    }
  }
}
