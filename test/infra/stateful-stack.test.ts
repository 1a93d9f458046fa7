import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableDef } from '../../functions/contracts/tables.js';
import { build, logicalId, resourcesOf, type Built } from './helpers.js';

let b: Built;
beforeAll(() => {
  b = build();
});

const keySchema = (t: TableDef) => [
  { AttributeName: t.partitionKey.name, KeyType: 'HASH' },
  ...(t.sortKey ? [{ AttributeName: t.sortKey.name, KeyType: 'RANGE' }] : []),
];

describe('StatefulStack', () => {
  it('creates exactly one DynamoDB table per contract table', () => {
    b.statefulTemplate.resourceCountIs('AWS::DynamoDB::Table', TABLES.length);
  });

  it.each(TABLES.map((t) => [t.id, t] as const))(
    'table %s: its keys and GSIs, on-demand, PITR, encrypted with the customer-managed key, TTL and stream as declared, retained',
    (_id, def) => {
      const keyId = logicalId(b.stateful.key);
      const table = b.stateful.table(def.id);
      const res = resourcesOf(b.statefulTemplate, 'AWS::DynamoDB::Table')[logicalId(table)];
      expect(res).toBeDefined();
      expect(res!.DeletionPolicy).toBe('Retain');
      const p = res!.Properties!;
      expect(p.KeySchema).toEqual(keySchema(def));
      expect(p.BillingMode).toBe('PAY_PER_REQUEST');
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
      expect(p.TimeToLiveSpecification).toEqual(def.ttlAttribute ? { AttributeName: def.ttlAttribute, Enabled: true } : undefined);
      expect(p.StreamSpecification).toEqual(def.stream ? { StreamViewType: def.stream } : undefined);
      const gsis = (p.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[] | undefined) ?? [];
      expect(gsis.map((g) => g.IndexName)).toEqual(def.gsis.map((g) => g.indexName));
      for (const g of def.gsis) {
        expect(gsis.find((x) => x.IndexName === g.indexName)!.KeySchema).toEqual(keySchema({ ...def, partitionKey: g.partitionKey, ...(g.sortKey ? { sortKey: g.sortKey } : { sortKey: undefined }) } as TableDef));
      }
    },
  );

  it('has a customer-managed KMS key with rotation, retained', () => {
    b.statefulTemplate.hasResource('AWS::KMS::Key', { Properties: Match.objectLike({ EnableKeyRotation: true }), DeletionPolicy: 'Retain' });
  });

  it('has a custom event bus with an archive of its events', () => {
    b.statefulTemplate.resourceCountIs('AWS::Events::EventBus', 1);
    b.statefulTemplate.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [logicalId(b.stateful.bus), 'Arn'] },
      RetentionDays: Match.anyValue(),
    });
  });

  it('never references the stateless stack (cross-stack references only flow stateful → stateless)', () => {
    expect(JSON.stringify(b.statefulTemplate.toJSON())).not.toContain('Fn::ImportValue');
    expect(b.stateful.dependencies).toEqual([]);
    expect(b.stateless.dependencies).toContain(b.stateful);
  });

  it('creates no truststore bucket unless the Pix mTLS webhook is configured', () => {
    b.statefulTemplate.resourceCountIs('AWS::S3::Bucket', 0);
  });
});
