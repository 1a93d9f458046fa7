/**
 * Starts payout batch executions (Step Functions StartExecution, STANDARD machine: names are
 * unique per machine, so `<batchId>-<run>` can never run twice) and schedules future batches as
 * EventBridge Scheduler one-off schedules (`at(yyyy-mm-ddThh:mm:ss)`, UTC) targeting the
 * PayoutBatchStart function. Locally both SDKs reach the embedded runtime through
 * AWS_ENDPOINT_URL_SFN / AWS_ENDPOINT_URL_SCHEDULER, and the local Scheduler fires the same target.
 */
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { PayoutRunner } from '../../app/ports/payout-store.js';

export interface PayoutRunnerOptions {
  readonly region: string;
  readonly stateMachineArn: string;
  /** ARN of the function a one-off schedule invokes (PayoutBatchStart). */
  readonly startFunctionArn: string;
  readonly scheduleGroup?: string;
  /** Role EventBridge Scheduler assumes to invoke the target (required on AWS). */
  readonly scheduleRoleArn?: string;
}

const errName = (e: unknown): string => (e as { name?: string }).name ?? '';

export class StepFunctionsPayoutRunner implements PayoutRunner {
  readonly #sfn: SFNClient;
  readonly #scheduler: SchedulerClient;
  constructor(private readonly o: PayoutRunnerOptions) {
    this.#sfn = new SFNClient({ region: o.region });
    this.#scheduler = new SchedulerClient({ region: o.region });
  }

  async start(batchId: string, merchantId: string, run: number): Promise<string> {
    const name = `${batchId}-${run}`;
    try {
      const r = await this.#sfn.send(new StartExecutionCommand({ stateMachineArn: this.o.stateMachineArn, name, input: JSON.stringify({ batch_id: batchId, merchant_id: merchantId, run }) }));
      return r.executionArn ?? name;
    } catch (e) {
      // Same name, same input = the execution we already started (a retried start).
      if (errName(e) === 'ExecutionAlreadyExists') return `${this.o.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
      throw e;
    }
  }

  async scheduleAt(batchId: string, merchantId: string, at: Date): Promise<void> {
    try {
      await this.#scheduler.send(new CreateScheduleCommand({
        Name: `payout-${batchId}`,
        ...(this.o.scheduleGroup ? { GroupName: this.o.scheduleGroup } : {}),
        ScheduleExpression: `at(${at.toISOString().slice(0, 19)})`,
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: this.o.startFunctionArn, RoleArn: this.o.scheduleRoleArn ?? 'arn:aws:iam::000000000000:role/local', Input: JSON.stringify({ batch_id: batchId, merchant_id: merchantId }) },
      }));
    } catch (e) {
      // A retried create after a lost answer: the schedule is there already.
      if (errName(e) !== 'ConflictException') throw e;
    }
  }

  async isRunning(ref: string): Promise<boolean> {
    if (!ref.startsWith('arn:')) return false;
    try {
      const r = await this.#sfn.send(new DescribeExecutionCommand({ executionArn: ref }));
      return r.status === 'RUNNING';
    } catch (e) {
      if (errName(e) === 'ExecutionDoesNotExist') return false;
      throw e;
    }
  }
}
