import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionDef } from '../../functions/contracts/functions.js';
import { ROUTES, type RouteDef } from '../../functions/contracts/routes.js';
import { REASONS } from '../../lib/nag-suppressions.js';
import { build } from './helpers.js';

const violations = (scope: Parameters<AwsSolutionsChecks['validateScope']>[0]) =>
  new AwsSolutionsChecks().validateScope(scope).violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

/** Every optional feature on: Pix mTLS API, alarm topic, a function with scheduler + bedrock access. */
const pixWebhook: FunctionDef = { id: 'PixWebhook', entry: 'functions/handlers/api/meta.ts', kind: 'webhook', description: 'Pix webhook (test double)', timeoutSeconds: 10, memoryMb: 256, access: { tables: { Platform: 'readwrite' }, bus: true, scheduler: true, bedrock: true } };
/** The contract's Pix webhook (or the double, before it existed) with scheduler and Bedrock access added. */
function withPixWebhook(): { functions: FunctionDef[]; routes: RouteDef[] } {
  const fns = FUNCTIONS as readonly FunctionDef[];
  const routes = ROUTES as readonly RouteDef[];
  const has = fns.some((f) => f.id === 'PixWebhook');
  return {
    functions: has ? fns.map((f) => (f.id === 'PixWebhook' ? { ...f, access: { ...f.access, ...pixWebhook.access, tables: f.access.tables } } : f)) : [...fns, pixWebhook],
    routes: routes.some((r) => r.path === '/webhooks/pix') ? [...routes] : [...routes, { method: 'POST', path: '/webhooks/pix', functionId: 'PixWebhook' as never, auth: 'public', summary: 'Pix webhook' }],
  };
}

const everything = () =>
  build(
    {
      pixWebhookDomain: 'pix-hooks.example.com',
      pixWebhookCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      alarmEmail: 'ops@example.com',
      adminKeySha256: '0'.repeat(64),
      bedrockModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    },
    withPixWebhook(),
  );

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged violation in the stateful and stateless stacks as deployed by default', () => {
    const b = build();
    expect(violations(b.stateful)).toEqual([]);
    expect(violations(b.stateless)).toEqual([]);
  });

  it('finds no unacknowledged violation with every optional feature on (mTLS webhook API, alarm topic, scheduler and Bedrock grants)', () => {
    const b = everything();
    expect(violations(b.stateful)).toEqual([]);
    expect(violations(b.stateless)).toEqual([]);
  });

  it('still reports findings when the acknowledgements are absent (the checks are live, the suppressions are what silences them)', () => {
    const b = build({}, undefined, { nagSuppressions: false });
    const rules = new Set(violations(b.stateless).map((v) => v.split(' @ ')[0]!.replace(/\[Resource::arn:[^\]]*:schedule\/[^\]]*\]/, '[Resource::<one-off schedules>]')));
    const scheduling = (FUNCTIONS as readonly FunctionDef[]).some((f) => f.access.scheduler) ? ['AwsSolutions-IAM5[Resource::<one-off schedules>]'] : [];
    expect([...rules].sort()).toEqual(['AwsSolutions-APIG4', 'AwsSolutions-IAM5[Resource::*]', ...scheduling, 'AwsSolutions-L1', 'AwsSolutions-SQS3'].sort());
  });

  it('gives every acknowledgement a written reason of at least a sentence', () => {
    const b = everything();
    const acks: [string, string][] = [];
    for (const c of [...b.stateful.node.findAll(), ...b.stateless.node.findAll()]) {
      for (const m of c.node.metadata) if (m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) acks.push(...Object.entries(m.data as Record<string, string>));
    }
    expect(acks.length).toBeGreaterThan(0);
    for (const [id, reason] of acks) expect(reason.length, id).toBeGreaterThan(60);
    for (const reason of Object.values(REASONS)) expect(reason.endsWith('.')).toBe(true);
  });
});

describe('Pix webhook API with mutual TLS', () => {
  it('exists only with the context values: custom domain with the S3 truststore, execute-api endpoint disabled, the webhook route only there', () => {
    const b = everything();
    const t = b.statelessTemplate;
    t.resourceCountIs('AWS::ApiGatewayV2::DomainName', 1);
    const domain = Object.values(t.findResources('AWS::ApiGatewayV2::DomainName'))[0] as { Properties: Record<string, unknown> };
    expect(domain.Properties.DomainName).toBe('pix-hooks.example.com');
    expect(JSON.stringify(domain.Properties.MutualTlsAuthentication)).toMatch(/s3:\/\/.*truststore\.pem/);
    const apis = Object.values(t.findResources('AWS::ApiGatewayV2::Api')) as { Properties: Record<string, unknown> }[];
    expect(apis).toHaveLength(2);
    expect(apis.filter((a) => a.Properties.DisableExecuteApiEndpoint === true)).toHaveLength(1);
    const pixRoutes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).filter((r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey === 'POST /webhooks/pix') as { Properties: { ApiId: { Ref: string } } }[];
    expect(pixRoutes).toHaveLength(1);
    expect(pixRoutes[0]!.Properties.ApiId.Ref).toBe(b.stateless.getLogicalId(b.stateless.pixWebhookApi!.api.node.defaultChild as never));
  });

  it('keeps the truststore in a versioned, encrypted, private, TLS-only bucket of the stateful stack', () => {
    const t = everything().statefulTemplate;
    t.resourceCountIs('AWS::S3::Bucket', 1);
    const bucket = Object.values(t.findResources('AWS::S3::Bucket'))[0] as { Properties: Record<string, unknown>; DeletionPolicy: string };
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(JSON.stringify(Object.values(t.findResources('AWS::S3::BucketPolicy'))[0])).toContain('aws:SecureTransport');
  });

  it('refuses half a configuration and a webhook function that does not exist', () => {
    expect(() => build({ pixWebhookDomain: 'pix-hooks.example.com' })).toThrow(/go together/);
    // pixWebhookFunctionId matters only when no /webhooks/pix route names the function.
    const noRoute = { routes: (ROUTES as readonly RouteDef[]).filter((r) => r.path !== '/webhooks/pix') };
    expect(() => build({ pixWebhookDomain: 'pix-hooks.example.com', pixWebhookCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/x', pixWebhookFunctionId: 'Nope' }, noRoute)).toThrow(/Nope/);
  });
});
