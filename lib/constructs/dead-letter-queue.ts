import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * An SQS dead-letter queue: SSE-SQS encrypted (EventBridge, Lambda and Scheduler can all deliver
 * to it without a key policy), TLS-only, 14 days retention. Every instance gets a depth alarm
 * (constructs/alarms.ts) and the SQS3 acknowledgement (lib/nag-suppressions.ts).
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;
  /** What delivers to it, for the alarm description. */
  readonly purpose: string;

  constructor(scope: Construct, id: string, purpose: string) {
    super(scope, id);
    this.purpose = purpose;
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
  }

  static isDeadLetterQueue(x: unknown): x is DeadLetterQueue {
    return x instanceof DeadLetterQueue;
  }
}
