import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The few permissions that AWS only grants on `Resource: *`, each in its own customer-managed
 * policy so the IAM5 acknowledgement (lib/nag-suppressions.ts) covers exactly these actions and
 * never a wildcard added later to a function's own policy.
 */
export class SharedPolicies extends Construct {
  /** X-Ray segment upload (no resource-level permissions exist for these actions). */
  readonly xrayWrite: iam.ManagedPolicy;
  /** CloudWatch Logs vended-log delivery, needed by Step Functions logging (no resource-level permissions). */
  readonly statesLogDelivery: iam.ManagedPolicy;
  /** `dynamodb:ListStreams`, used by Lambda's stream poller (AWS documents it on `*`). */
  readonly dynamoListStreams: iam.ManagedPolicy;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.xrayWrite = new iam.ManagedPolicy(this, 'XRayWrite', {
      description: 'X-Ray trace upload for Lambda functions and state machines',
      statements: [
        new iam.PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
          resources: ['*'],
        }),
      ],
    });
    this.statesLogDelivery = new iam.ManagedPolicy(this, 'StatesLogDelivery', {
      description: 'CloudWatch Logs delivery for Step Functions execution logs',
      statements: [
        new iam.PolicyStatement({
          actions: [
            'logs:CreateLogDelivery',
            'logs:GetLogDelivery',
            'logs:UpdateLogDelivery',
            'logs:DeleteLogDelivery',
            'logs:ListLogDeliveries',
            'logs:PutResourcePolicy',
            'logs:DescribeResourcePolicies',
            'logs:DescribeLogGroups',
          ],
          resources: ['*'],
        }),
      ],
    });
    this.dynamoListStreams = new iam.ManagedPolicy(this, 'DynamoListStreams', {
      description: 'dynamodb:ListStreams for DynamoDB stream event source mappings',
      statements: [new iam.PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] })],
    });
  }
}
