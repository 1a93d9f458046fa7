/**
 * One Lambda event source mapping per entry of STREAM_CONSUMERS (contracts/streams.ts): the
 * table's stream, the contract's filter as raw filter-criteria JSON, batch size, retries, bisect
 * on error, partial batch responses, and an SQS on-failure destination. The function role gets
 * read access to exactly that stream (plus key decrypt: stream records are encrypted with the
 * table's CMK).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { StreamConsumerDef } from '../../functions/contracts/streams.js';
import { constructId } from '../naming.js';
import type { StatefulStack } from '../stateful-stack.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { PlatformFunctions } from './platform-functions.js';
import type { SharedPolicies } from './shared-policies.js';

export interface StreamConsumersProps {
  readonly consumers: readonly StreamConsumerDef[];
  readonly functions: PlatformFunctions;
  readonly stateful: StatefulStack;
  readonly policies: SharedPolicies;
}

export class StreamConsumers extends Construct {
  readonly mappings: { readonly def: StreamConsumerDef; readonly mapping: lambda.EventSourceMapping; readonly dlq: DeadLetterQueue }[] = [];

  constructor(scope: Construct, id: string, props: StreamConsumersProps) {
    super(scope, id);
    for (const def of props.consumers) {
      const cid = constructId(def.id);
      const table = props.stateful.table(def.table);
      const streamArn = table.tableStreamArn;
      if (!streamArn) throw new Error(`stream consumer ${def.id}: table ${def.table} has no stream (contracts/tables.ts)`);
      const fn = props.functions.get(def.functionId);
      const role = fn.role as iam.Role;
      role.addToPolicy(
        new iam.PolicyStatement({ actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: [streamArn] }),
      );
      role.addToPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [props.stateful.key.keyArn] }));
      role.addManagedPolicy(props.policies.dynamoListStreams);

      const dlq = new DeadLetterQueue(this, `${cid}Dlq`, `stream batches ${def.id} gave up on (${def.table} -> ${def.functionId})`);
      const mapping = new lambda.EventSourceMapping(this, `${cid}Mapping`, {
        target: fn,
        eventSourceArn: streamArn,
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: def.batchSize,
        retryAttempts: def.maxRetries,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(dlq.queue),
        filters: [{ pattern: JSON.stringify(def.filter) }],
      });
      // The mapping validates its permissions when it is created.
      mapping.node.addDependency(role);
      this.mappings.push({ def, mapping, dlq });
    }
  }
}
