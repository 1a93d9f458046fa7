/**
 * One EventBridge rule per entry of CONSUMERS (contracts/events.ts) on the platform bus. The
 * pattern goes to CloudFormation as the raw JSON from the contract (L1 `CfnRule`), so every
 * operator of the pattern language (prefix, anything-but, numeric, exists, …) is kept as is and
 * is exactly what the local bus evaluates. Target: the consumer's function with the contract's
 * retry policy and a per-consumer SQS dead-letter queue.
 */
import { Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { ConsumerDef } from '../../functions/contracts/events.js';
import { constructId } from '../naming.js';
import type { StatefulStack } from '../stateful-stack.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { PlatformFunctions } from './platform-functions.js';

export interface EventConsumersProps {
  readonly consumers: readonly ConsumerDef[];
  readonly functions: PlatformFunctions;
  readonly stateful: StatefulStack;
}

export class EventConsumers extends Construct {
  readonly rules: { readonly def: ConsumerDef; readonly rule: events.CfnRule; readonly dlq: DeadLetterQueue }[] = [];

  constructor(scope: Construct, id: string, props: EventConsumersProps) {
    super(scope, id);
    for (const def of props.consumers) {
      const cid = constructId(def.id);
      const fn = props.functions.get(def.functionId);
      const dlq = new DeadLetterQueue(this, `${cid}Dlq`, `events that rule ${def.id} could not deliver to ${def.functionId}`);
      const rule = new events.CfnRule(this, `${cid}Rule`, {
        description: def.description.slice(0, 512),
        eventBusName: props.stateful.bus.eventBusName,
        eventPattern: def.pattern,
        state: 'ENABLED',
        targets: [
          {
            id: def.functionId,
            arn: fn.functionArn,
            retryPolicy: {
              maximumRetryAttempts: def.retry.maximumRetryAttempts,
              maximumEventAgeInSeconds: def.retry.maximumEventAgeSeconds,
            },
            deadLetterConfig: { arn: dlq.queue.queueArn },
          },
        ],
      });
      fn.addPermission(`Invoke${cid}Rule`, {
        principal: new iam.ServicePrincipal('events.amazonaws.com'),
        sourceArn: rule.attrArn,
        sourceAccount: Stack.of(this).account,
      });
      dlq.queue.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [dlq.queue.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': rule.attrArn } },
        }),
      );
      this.rules.push({ def, rule, dlq });
    }
  }
}
