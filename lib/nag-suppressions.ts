/**
 * Every cdk-nag acknowledgement of the app, in one place, each with its reason. cdk-nag v3 reads
 * CDK's native `Validations.of(construct).acknowledge({ id, reason })`; ids are bare rule ids
 * (`AwsSolutions-L1`) or, for rules with findings, the exact finding (`AwsSolutions-IAM5[Resource::*]`),
 * and apply to the construct and everything below it. Acknowledgements are attached to the
 * narrowest construct that needs them.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import type { StatefulStack } from './stateful-stack.js';
import type { StatelessStack } from './stateless-stack.js';

export const REASONS = {
  lambdaRuntime:
    'nodejs22.x is the runtime the project targets (STACK.md): the toolchain (vitest 4, middy 6) and the local runtime are pinned to Node 20/22; moving Lambda to nodejs24.x is a deliberate upgrade, not drift.',
  xrayWildcard:
    'X-Ray PutTraceSegments/PutTelemetryRecords/GetSampling* have no resource-level permissions; they live alone in this shared managed policy so no other wildcard can hide behind this acknowledgement.',
  logDeliveryWildcard:
    'CloudWatch Logs vended-log delivery actions (Create/Get/Update/Delete/ListLogDeliveries, resource policies) used by Step Functions logging do not support resource-level permissions; isolated in this policy.',
  listStreamsWildcard:
    'dynamodb:ListStreams, used by the Lambda stream poller, is only grantable on "*"; isolated in this policy. Reading records is granted on the exact stream ARN in the function policy.',
  dlqOfDlq:
    'This queue is itself a dead-letter queue (of an EventBridge target, a stream event source mapping or a schedule); a DLQ for a DLQ adds nothing. Its depth is alarmed instead.',
  publicRoute:
    'Route declared `public` in contracts/routes.ts (liveness, OpenAPI document): it must answer without an API key and exposes no data.',
  mtlsRoute:
    'Authentication is the client certificate, verified by API Gateway against the PSP truststore on the mTLS custom domain (execute-api endpoint disabled); every notification is also confirmed with the PSP before it changes state.',
  oneOffSchedules:
    'Schedule ARNs end in the schedule name, chosen at run time per payout or retry; the grant is scoped to the platform schedule group (`<group>/*`), the narrowest scope Scheduler offers, and isolated in this policy.',
  truststoreAccessLogs:
    'The bucket only holds the public CA certificates of the Pix PSP truststore, written by operators at deploy time; CloudTrail records its management events. A server access log bucket would be an extra unlogged bucket.',
} as const;

const ack = (scope: IConstruct, id: string, reason: string): void => Validations.of(scope).acknowledge({ id, reason });

export function applyStatefulSuppressions(stack: StatefulStack): void {
  if (stack.truststoreBucket) ack(stack.truststoreBucket, 'AwsSolutions-S1', REASONS.truststoreAccessLogs);
}

export function applyStatelessSuppressions(stack: StatelessStack): void {
  for (const [, fn] of stack.functions.entries()) ack(fn, 'AwsSolutions-L1', REASONS.lambdaRuntime);
  ack(stack.policies.xrayWrite, 'AwsSolutions-IAM5[Resource::*]', REASONS.xrayWildcard);
  ack(stack.policies.statesLogDelivery, 'AwsSolutions-IAM5[Resource::*]', REASONS.logDeliveryWildcard);
  ack(stack.policies.dynamoListStreams, 'AwsSolutions-IAM5[Resource::*]', REASONS.listStreamsWildcard);
  for (const c of stack.node.findAll()) if (c instanceof DeadLetterQueue) ack(c, 'AwsSolutions-SQS3', REASONS.dlqOfDlq);
  for (const { def, route } of stack.httpApi.routes) if (def.auth === 'public') ack(route, 'AwsSolutions-APIG4', REASONS.publicRoute);
  const oneOff = stack.functions.oneOffSchedules;
  if (oneOff) {
    const finding = `Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${oneOff.groupName}/*`;
    ack(oneOff.policy, `AwsSolutions-IAM5[${finding}]`, REASONS.oneOffSchedules);
  }
  if (stack.pixWebhookApi) ack(stack.pixWebhookApi.route, 'AwsSolutions-APIG4', REASONS.mtlsRoute);
}
