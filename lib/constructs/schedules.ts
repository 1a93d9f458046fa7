/**
 * One EventBridge Scheduler schedule per entry of SCHEDULES (contracts/schedules.ts), invoking
 * the function with the contract's input; flexible time window off, a dead-letter queue, and a
 * role that may invoke only that function and write only to that queue.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import type { ScheduleDef } from '../../functions/contracts/schedules.js';
import { constructId } from '../naming.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { PlatformFunctions } from './platform-functions.js';

export interface PlatformSchedulesProps {
  readonly schedules: readonly ScheduleDef[];
  readonly functions: PlatformFunctions;
}

export class PlatformSchedules extends Construct {
  readonly schedules: { readonly def: ScheduleDef; readonly schedule: scheduler.CfnSchedule; readonly dlq: DeadLetterQueue }[] = [];

  constructor(scope: Construct, id: string, props: PlatformSchedulesProps) {
    super(scope, id);
    for (const def of props.schedules) {
      const cid = constructId(def.id);
      const fn = props.functions.get(def.functionId);
      const dlq = new DeadLetterQueue(this, `${cid}Dlq`, `invocations schedule ${def.id} could not deliver to ${def.functionId}`);
      const role = new iam.Role(this, `${cid}Role`, {
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
        description: `Schedule ${def.id} -> ${def.functionId}`,
      });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }));
      role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [dlq.queue.queueArn] }));
      const schedule = new scheduler.CfnSchedule(this, `${cid}Schedule`, {
        description: def.description.slice(0, 512),
        scheduleExpression: def.expression,
        scheduleExpressionTimezone: 'UTC',
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: fn.functionArn,
          roleArn: role.roleArn,
          input: JSON.stringify(def.input),
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 300 },
          deadLetterConfig: { arn: dlq.queue.queueArn },
        },
      });
      schedule.node.addDependency(role);
      this.schedules.push({ def, schedule, dlq });
    }
  }
}
