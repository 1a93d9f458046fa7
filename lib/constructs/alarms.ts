/**
 * Operational alarms: any message in any dead-letter queue, any failed state machine execution,
 * and any error of the authorizer and saga functions (kinds `authorizer` and `saga`: a failure
 * there blocks or half-runs payments). With context `alarmEmail`, every alarm notifies an
 * encrypted SNS topic with that e-mail subscribed.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { PlatformFunctions } from './platform-functions.js';
import type { PlatformStateMachines } from './state-machines.js';

export interface PlatformAlarmsProps {
  readonly functions: PlatformFunctions;
  readonly stateMachines: PlatformStateMachines;
  readonly alarmEmail?: string;
}

const ALARMED_KINDS = new Set(['authorizer', 'saga']);

export class PlatformAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly topic?: sns.Topic;

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    if (props.alarmEmail) {
      const key = new kms.Key(this, 'TopicKey', { description: 'Smart-Agent-Pay alarm topic', enableKeyRotation: true });
      // CloudWatch publishes to the encrypted topic.
      key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      );
      this.topic = new sns.Topic(this, 'Topic', { displayName: 'Smart-Agent-Pay alarms', masterKey: key, enforceSSL: true });
      this.topic.addSubscription(new subs.EmailSubscription(props.alarmEmail));
    }
    // Built lazily-by-traversal from what the stack contains, so every DLQ added anywhere is covered.
    const stack = Stack.of(this);
    const dlqs = stack.node.findAll().filter((c: IConstruct): c is DeadLetterQueue => c instanceof DeadLetterQueue);
    for (const dlq of dlqs) {
      this.add(
        `${dlq.node.path.split('/').slice(1).join('')}Depth`,
        dlq.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        `Dead-letter queue not empty: ${dlq.purpose}`,
      );
    }
    for (const { def, machine } of props.stateMachines.machines) {
      this.add(`StateMachine${def.id}Failed`, machine.metricFailed({ period: Duration.minutes(1), statistic: 'Sum' }), `State machine ${def.id} has failed executions`);
    }
    for (const def of props.functions.defs.filter((f) => ALARMED_KINDS.has(f.kind))) {
      const fn = props.functions.get(def.id);
      this.add(`Function${def.id}Errors`, fn.metricErrors({ period: Duration.minutes(1), statistic: 'Sum' }), `Function ${def.id} (${def.kind}) reports errors`);
    }
  }

  private add(id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    if (this.topic) alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
