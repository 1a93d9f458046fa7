import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_MACHINE_ARN_ENV, STATE_MACHINES, placeholdersIn } from '../../functions/contracts/asl.js';
import { CONSUMERS, EVENT_BUS_ENV } from '../../functions/contracts/events.js';
import { FUNCTIONS, type FunctionDef } from '../../functions/contracts/functions.js';
import { ROUTES, routeKey, type RouteDef } from '../../functions/contracts/routes.js';
import { SCHEDULES } from '../../functions/contracts/schedules.js';
import { STREAM_CONSUMERS } from '../../functions/contracts/streams.js';
import { TABLES } from '../../functions/contracts/tables.js';
import { DeadLetterQueue } from '../../lib/constructs/dead-letter-queue.js';
import { build, logicalId, resourcesOf, type Built } from './helpers.js';

const functions = FUNCTIONS as readonly FunctionDef[];
const routes = ROUTES as readonly RouteDef[];
let b: Built;
beforeAll(() => {
  b = build();
});

const fnLogicalId = (id: string) => logicalId(b.stateless.functions.get(id));
const props = (type: string, id: string) => resourcesOf(b.statelessTemplate, type)[id]?.Properties ?? {};
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Every statement of every policy (inline and managed) attached to a function's role. */
function roleStatements(functionId: string): Statement[] {
  const fn = b.stateless.functions.get(functionId);
  const roleId = logicalId(fn.role!);
  const out: Statement[] = [];
  for (const [, r] of Object.entries(resourcesOf(b.statelessTemplate, 'AWS::IAM::Policy'))) {
    if (JSON.stringify(r.Properties!.Roles).includes(`"${roleId}"`)) out.push(...((r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement));
  }
  const role = props('AWS::IAM::Role', roleId);
  for (const ref of (role.ManagedPolicyArns as { Ref: string }[] | undefined) ?? []) {
    out.push(...(props('AWS::IAM::ManagedPolicy', ref.Ref).PolicyDocument as { Statement: Statement[] }).Statement);
  }
  return out;
}

describe('StatelessStack: functions', () => {
  it('creates exactly one Lambda function per contract function and nothing else', () => {
    b.statelessTemplate.resourceCountIs('AWS::Lambda::Function', functions.length);
  });

  it.each(functions.map((f) => [f.id, f] as const))('%s runs nodejs22.x on arm64 with the contract memory, timeout, tracing and config environment', (_id, def) => {
    const p = props('AWS::Lambda::Function', fnLogicalId(def.id));
    expect(p.Runtime).toBe('nodejs22.x');
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.Handler).toBe('index.handler');
    expect(p.MemorySize).toBe(def.memoryMb);
    expect(p.Timeout).toBe(def.timeoutSeconds);
    expect(p.TracingConfig).toEqual({ Mode: 'Active' });
    const env = (p.Environment as { Variables: Record<string, unknown> }).Variables;
    for (const t of TABLES) expect(env[t.envVar], t.envVar).toBeDefined();
    expect(env[EVENT_BUS_ENV]).toBeDefined();
    expect(env.AGENTPAY_MODE).toBe('aws');
    expect('KMS_KEY_ID' in env).toBe(Boolean(def.access.kms));
    for (const sm of STATE_MACHINES) expect(STATE_MACHINE_ARN_ENV(sm.id) in env).toBe((def.access.stateMachines ?? []).includes(sm.id));
    expect(env.ADMIN_KEY_SHA256).toBeUndefined();
  });

  it.each(functions.map((f) => [f.id, f] as const))('%s may touch only the tables in its access, and write only those marked readwrite', (_id, def) => {
    const statements = roleStatements(def.id).filter((s) => actionsOf(s).includes('dynamodb:GetItem'));
    const referenced = new Map<string, boolean>();
    for (const s of statements) {
      const res = JSON.stringify(s.Resource);
      const writes = actionsOf(s).includes('dynamodb:PutItem');
      for (const t of TABLES) if (res.includes(logicalId(b.stateful.table(t.id)))) referenced.set(t.id, (referenced.get(t.id) ?? false) || writes);
    }
    const expected = new Map(Object.entries(def.access.tables).map(([t, level]) => [t, level === 'readwrite']));
    expect(Object.fromEntries(referenced)).toEqual(Object.fromEntries(expected));
    for (const s of roleStatements(def.id)) {
      for (const a of actionsOf(s)) expect(a.includes('*') && !a.startsWith('xray:'), `${def.id}: wildcard action ${a}`).toBe(false);
    }
    const puts = roleStatements(def.id).some((s) => actionsOf(s).includes('events:PutEvents'));
    expect(puts).toBe(Boolean(def.access.bus));
  });

  it('sets ADMIN_KEY_SHA256 on every function from context adminKeySha256, and rejects a value that is not a SHA-256', () => {
    const hash = 'ab'.repeat(32);
    const withKey = build({ adminKeySha256: hash });
    for (const def of functions) {
      const p = resourcesOf(withKey.statelessTemplate, 'AWS::Lambda::Function')[logicalId(withKey.stateless.functions.get(def.id))]!.Properties!;
      expect((p.Environment as { Variables: Record<string, unknown> }).Variables.ADMIN_KEY_SHA256).toBe(hash);
    }
    expect(() => build({ adminKeySha256: 'not-a-hash' })).toThrow(/adminKeySha256/);
  });
});

describe('StatelessStack: HTTP API', () => {
  it('creates exactly one route per contract route', () => {
    b.statelessTemplate.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
  });

  it.each(routes.map((r) => [routeKey(r), r] as const))('%s is integrated with its function, behind the authorizer unless public', (key, def) => {
    const all = resourcesOf(b.statelessTemplate, 'AWS::ApiGatewayV2::Route');
    const found = Object.values(all).filter((r) => r.Properties!.RouteKey === key);
    expect(found).toHaveLength(1);
    const p = found[0]!.Properties!;
    if (def.auth === 'public') {
      expect(p.AuthorizationType).toBe('NONE');
      expect(p.AuthorizerId).toBeUndefined();
    } else {
      expect(p.AuthorizationType).toBe('CUSTOM');
      expect(p.AuthorizerId).toEqual({ Ref: Object.keys(resourcesOf(b.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer'))[0] });
    }
    const integrationId = JSON.stringify(p.Target).match(/"Ref":"([^"]+)"/)![1]!;
    const integration = props('AWS::ApiGatewayV2::Integration', integrationId);
    expect(integration.IntegrationUri).toEqual({ 'Fn::GetAtt': [fnLogicalId(def.functionId), 'Arn'] });
    expect(integration.PayloadFormatVersion).toBe('2.0');
  });

  it('has one Lambda REQUEST authorizer (the authorizer function) with simple responses, the Authorization header as identity and a 10 s cache', () => {
    b.statelessTemplate.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const authorizer = functions.find((f) => f.kind === 'authorizer')!;
    b.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 10,
    });
    const uri = JSON.stringify(Object.values(resourcesOf(b.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer'))[0]!.Properties!.AuthorizerUri);
    expect(uri).toContain(fnLogicalId(authorizer.id));
  });

  it('logs every request of the $default stage to a log group and throttles by default', () => {
    b.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });

  it('creates no mTLS webhook API without the pixWebhook context values', () => {
    b.statelessTemplate.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    b.statelessTemplate.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  });
});

describe('StatelessStack: state machines', () => {
  it('creates exactly one state machine per contract state machine, of the declared type, logging ALL and traced', () => {
    b.statelessTemplate.resourceCountIs('AWS::StepFunctions::StateMachine', STATE_MACHINES.length);
    for (const { def, machine } of b.stateless.stateMachines.machines) {
      const p = props('AWS::StepFunctions::StateMachine', logicalId(machine));
      expect(p.StateMachineType).toBe(def.type);
      expect((p.LoggingConfiguration as { Level: string }).Level).toBe('ALL');
      expect(p.TracingConfiguration).toEqual({ Enabled: true });
    }
  });

  it.each(STATE_MACHINES.map((s) => [s.id, s] as const))('%s: every ${Placeholder} is substituted with the ARN of the contract function, none left over', (_id, def) => {
    const machine = b.stateless.stateMachines.machines.find((m) => m.def.id === def.id)!.machine;
    const p = props('AWS::StepFunctions::StateMachine', logicalId(machine));
    const body = p.DefinitionString as string;
    expect(typeof body).toBe('string');
    const subs = p.DefinitionSubstitutions as Record<string, unknown>;
    expect(new Set(Object.keys(subs))).toEqual(new Set(placeholdersIn(body)));
    // Resolve each substitution the way CloudFormation will: GetAtt <fn>.Arn → that function's ARN.
    const resolved = body.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
      const v = subs[name] as { 'Fn::GetAtt'?: [string, string] } | undefined;
      expect(v?.['Fn::GetAtt']?.[1], name).toBe('Arn');
      return `arn:aws:lambda:us-east-1:123456789012:function:${v!['Fn::GetAtt']![0]}`;
    });
    expect(resolved).not.toContain('${');
    for (const [placeholder, functionId] of Object.entries(def.functions)) {
      expect((subs[placeholder] as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]).toBe(fnLogicalId(functionId));
    }
    expect(() => JSON.parse(resolved)).not.toThrow();
  });

  it('lets each state machine role invoke exactly the functions its definition names', () => {
    for (const { def, machine } of b.stateless.stateMachines.machines) {
      const roleId = logicalId(machine.role);
      const policies = Object.values(resourcesOf(b.statelessTemplate, 'AWS::IAM::Policy')).filter((r) => JSON.stringify(r.Properties!.Roles).includes(`"${roleId}"`));
      const invoke = policies.flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
      const expected = [...new Set(Object.values(def.functions))].map((f) => ({ 'Fn::GetAtt': [fnLogicalId(f), 'Arn'] }));
      expect(invoke.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))).toEqual(expected);
    }
  });
});

describe('StatelessStack: event consumers, stream consumers, schedules', () => {
  it('creates one EventBridge rule per consumer, on the platform bus, with the raw contract pattern, the retry policy and a DLQ', () => {
    b.statelessTemplate.resourceCountIs('AWS::Events::Rule', CONSUMERS.length);
    for (const { def, rule, dlq } of b.stateless.eventConsumers.rules) {
      const p = props('AWS::Events::Rule', logicalId(rule));
      expect(p.EventPattern).toEqual(def.pattern);
      expect(JSON.stringify(p.EventBusName)).toContain(logicalId(b.stateful.bus));
      const targets = p.Targets as Record<string, unknown>[];
      expect(targets).toHaveLength(1);
      expect(targets[0]!.Arn).toEqual({ 'Fn::GetAtt': [fnLogicalId(def.functionId), 'Arn'] });
      expect(targets[0]!.RetryPolicy).toEqual({ MaximumRetryAttempts: def.retry.maximumRetryAttempts, MaximumEventAgeInSeconds: def.retry.maximumEventAgeSeconds });
      expect(targets[0]!.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [logicalId(dlq.queue), 'Arn'] } });
    }
  });

  it('lets EventBridge invoke each consumer function only from its rule, and write to the DLQ only from its rule', () => {
    for (const { def, rule, dlq } of b.stateless.eventConsumers.rules) {
      b.statelessTemplate.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [fnLogicalId(def.functionId), 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalId(rule), 'Arn'] },
      });
      b.statelessTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(dlq.queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Principal: { Service: 'events.amazonaws.com' }, Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [logicalId(rule), 'Arn'] } } } }),
          ]),
        },
      });
    }
  });

  it('creates one event source mapping per stream consumer with its filter, batch size, retries, bisect and an SQS on-failure destination', () => {
    b.statelessTemplate.resourceCountIs('AWS::Lambda::EventSourceMapping', STREAM_CONSUMERS.length);
    for (const { def, mapping, dlq } of b.stateless.streamConsumers.mappings) {
      const p = props('AWS::Lambda::EventSourceMapping', logicalId(mapping));
      expect(p.FunctionName).toEqual({ Ref: fnLogicalId(def.functionId) });
      expect(JSON.stringify(p.EventSourceArn)).toContain(logicalId(b.stateful.table(def.table)));
      expect(JSON.stringify(p.EventSourceArn)).toContain('StreamArn');
      expect(p.FilterCriteria).toEqual({ Filters: [{ Pattern: JSON.stringify(def.filter) }] });
      expect(p.BatchSize).toBe(def.batchSize);
      expect(p.MaximumRetryAttempts).toBe(def.maxRetries);
      expect(p.BisectBatchOnFunctionError).toBe(true);
      expect(p.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(dlq.queue), 'Arn'] } } });
    }
  });

  it('creates one Scheduler schedule per contract schedule, with its expression and input, no flexible window, a DLQ and a dedicated role', () => {
    b.statelessTemplate.resourceCountIs('AWS::Scheduler::Schedule', SCHEDULES.length);
    for (const { def, schedule, dlq } of b.stateless.schedules.schedules) {
      const p = props('AWS::Scheduler::Schedule', logicalId(schedule));
      expect(p.ScheduleExpression).toBe(def.expression);
      expect(p.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      const target = p.Target as Record<string, unknown>;
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [fnLogicalId(def.functionId), 'Arn'] });
      expect(JSON.parse(target.Input as string)).toEqual(def.input);
      expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [logicalId(dlq.queue), 'Arn'] } });
    }
  });

  it('encrypts every dead-letter queue and denies non-TLS access to it', () => {
    const dlqs = b.stateless.node.findAll().filter((c): c is DeadLetterQueue => c instanceof DeadLetterQueue);
    expect(dlqs.length).toBe(CONSUMERS.length + STREAM_CONSUMERS.length + SCHEDULES.length);
    for (const dlq of dlqs) {
      expect(props('AWS::SQS::Queue', logicalId(dlq.queue)).SqsManagedSseEnabled).toBe(true);
      b.statelessTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(dlq.queue) }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });
});

describe('StatelessStack: alarms and outputs', () => {
  it('alarms on every DLQ depth, every state machine failure and errors of authorizer and saga functions', () => {
    const alarms = Object.values(resourcesOf(b.statelessTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const dlqs = b.stateless.node.findAll().filter((c): c is DeadLetterQueue => c instanceof DeadLetterQueue);
    for (const dlq of dlqs) {
      expect(alarms.some((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(a.Dimensions).includes(logicalId(dlq.queue)) && a.Threshold === 0)).toBe(true);
    }
    for (const { machine } of b.stateless.stateMachines.machines) {
      expect(alarms.some((a) => a.MetricName === 'ExecutionsFailed' && JSON.stringify(a.Dimensions).includes(logicalId(machine)))).toBe(true);
    }
    for (const def of functions.filter((f) => f.kind === 'authorizer' || f.kind === 'saga')) {
      expect(alarms.some((a) => a.MetricName === 'Errors' && JSON.stringify(a.Dimensions).includes(fnLogicalId(def.id)))).toBe(true);
    }
    expect(alarms.every((a) => a.AlarmActions === undefined)).toBe(true);
  });

  it('notifies an encrypted SNS topic with the alarmEmail subscribed when that context value is given', () => {
    const withEmail = build({ alarmEmail: 'ops@example.com' });
    withEmail.statelessTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    withEmail.statelessTemplate.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const alarms = Object.values(resourcesOf(withEmail.statelessTemplate, 'AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const a of alarms) expect(a.Properties!.AlarmActions).toHaveLength(1);
  });

  it('outputs the API URL, the bus name, every table name and every state machine ARN', () => {
    const outputs = Object.keys(b.statelessTemplate.toJSON().Outputs as Record<string, unknown>);
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'EventBusName', ...TABLES.map((t) => `${t.id}TableName`)]));
    expect(outputs.filter((o) => /^StateMachine.*Arn$/.test(o))).toHaveLength(STATE_MACHINES.length);
  });
});

describe('StatelessStack: generated from the contracts', () => {
  it('grows with the contracts: an extra consumer, stream consumer, schedule and state machine need no CDK change', () => {
    const extra = build({}, {
      consumers: [...CONSUMERS, { id: 'risk-feedback', functionId: 'EventLog', description: 'x', pattern: { source: ['smart-agent-pay'], 'detail-type': [{ prefix: 'refund.' }] }, retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 600 } }],
      streamConsumers: [...STREAM_CONSUMERS, { id: 'audit-tail', table: 'Platform', functionId: 'EventLog', filter: { eventName: ['MODIFY'] }, batchSize: 10, maxRetries: 2 }],
      schedules: [...SCHEDULES, { id: 'nightly', functionId: 'WebhookRetry', expression: 'cron(0 3 * * ? *)', description: 'x', input: { mode: 'nightly' } }],
      stateMachines: [...STATE_MACHINES, { ...STATE_MACHINES[0]!, id: 'payment-standard', type: 'STANDARD' }],
    });
    const t = extra.statelessTemplate;
    t.resourceCountIs('AWS::Events::Rule', CONSUMERS.length + 1);
    t.hasResourceProperties('AWS::Events::Rule', { EventPattern: { source: ['smart-agent-pay'], 'detail-type': [{ prefix: 'refund.' }] } });
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', STREAM_CONSUMERS.length + 1);
    t.resourceCountIs('AWS::Scheduler::Schedule', SCHEDULES.length + 1);
    t.resourceCountIs('AWS::StepFunctions::StateMachine', STATE_MACHINES.length + 1);
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineType: 'STANDARD' });
  });

  it('fails synthesis with a clear message when a contract names a function that does not exist', () => {
    expect(() => build({}, { schedules: [{ id: 'ghost', functionId: 'Ghost' as never, expression: 'rate(1 hour)', description: 'x', input: {} }] })).toThrow(/Ghost/);
  });
});
