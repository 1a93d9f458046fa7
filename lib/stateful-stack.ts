/**
 * Long-lived state: the four DynamoDB tables (from contracts/tables.ts), the customer-managed KMS
 * key that encrypts them, the platform event bus with its archive, and (only when the Pix mTLS
 * webhook is configured) the truststore bucket. Everything here is RETAINed. This stack never
 * references the stateless stack: cross-stack references only flow stateful -> stateless.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLES, type KeyDef, type TableDef } from '../functions/contracts/tables.js';
import type { DeployContext } from './context.js';

export interface StatefulStackProps extends StackProps {
  readonly deploy: DeployContext;
  /** Table definitions; defaults to the contract. */
  readonly tables?: readonly TableDef[];
}

const attr = (k: KeyDef): dynamodb.Attribute => ({
  name: k.name,
  type: k.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly bus: events.EventBus;
  /** Table construct per contract table id. */
  readonly tables: ReadonlyMap<TableDef['id'], dynamodb.Table>;
  readonly tableDefs: readonly TableDef[];
  /** Holds the Pix PSP CA truststore for the mTLS webhook domain; only with `pixWebhookDomain`. */
  readonly truststoreBucket?: s3.Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.tableDefs = props.tables ?? TABLES;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'Smart-Agent-Pay: DynamoDB tables and field-level envelope encryption (PII, card vault)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const tables = new Map<TableDef['id'], dynamodb.Table>();
    for (const def of this.tableDefs) {
      const table = new dynamodb.Table(this, `${def.id}Table`, {
        partitionKey: attr(def.partitionKey),
        ...(def.sortKey ? { sortKey: attr(def.sortKey) } : {}),
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: this.key,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
        ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
        ...(def.stream ? { stream: dynamodb.StreamViewType[def.stream] } : {}),
      });
      for (const gsi of def.gsis) {
        table.addGlobalSecondaryIndex({
          indexName: gsi.indexName,
          partitionKey: attr(gsi.partitionKey),
          ...(gsi.sortKey ? { sortKey: attr(gsi.sortKey) } : {}),
          projectionType: dynamodb.ProjectionType.ALL,
        });
      }
      tables.set(def.id, table);
      new CfnOutput(this, `${def.id}TableName`, { value: table.tableName, description: `${def.envVar}` });
    }
    this.tables = tables;

    this.bus = new events.EventBus(this, 'PlatformBus', { description: 'Smart-Agent-Pay platform events (outbox -> agents, webhooks)' });
    this.bus.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.bus.archive('PlatformArchive', {
      description: 'Every platform event, for replay after a consumer bug or outage',
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(365),
    });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });

    if (props.deploy.pixWebhook) {
      this.truststoreBucket = new s3.Bucket(this, 'PixTruststore', {
        encryption: s3.BucketEncryption.S3_MANAGED,
        versioned: true,
        enforceSSL: true,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      new CfnOutput(this, 'PixTruststoreBucket', {
        value: this.truststoreBucket.bucketName,
        description: `Upload the Pix PSP CA bundle as s3://<bucket>/${props.deploy.pixWebhook.truststoreKey} before deploying the stateless stack`,
      });
    }
  }

  table(id: TableDef['id']): dynamodb.Table {
    const t = this.tables.get(id);
    if (!t) throw new Error(`no table ${id} in the stateful stack`);
    return t;
  }
}
