/**
 * One NodejsFunction per entry of contracts/functions.ts, each with its own role holding exactly
 * the grants its `access` declares (explicit statements, no wildcards: GSI ARNs are listed from
 * the table contract), its own log group, X-Ray tracing, and the environment that
 * functions/config.ts reads.
 */
import { Duration, SecretValue, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { EVENT_BUS_ENV } from '../../functions/contracts/events.js';
import type { FunctionDef } from '../../functions/contracts/functions.js';
import { STATE_MACHINE_ARN_ENV, type StateMachineDef } from '../../functions/contracts/asl.js';
import { CONNECTORS } from '../../functions/contracts/functions.js';
import type { DeployContext } from '../context.js';
import { fromRoot, REPO_ROOT } from '../paths.js';
import { stateMachineArn } from '../naming.js';
import type { StatefulStack } from '../stateful-stack.js';
import type { SharedPolicies } from './shared-policies.js';

export const ESM_REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** A CMK-encrypted table needs the caller to be allowed to use the key through DynamoDB. */
const KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];
/** Envelope encryption by the function itself (field-level PII, card vault). */
const KEY_DIRECT = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

export interface PlatformFunctionsProps {
  readonly functions: readonly FunctionDef[];
  readonly stateMachines: readonly StateMachineDef[];
  readonly stateful: StatefulStack;
  readonly deploy: DeployContext;
  readonly policies: SharedPolicies;
}

export class PlatformFunctions extends Construct {
  private readonly byId = new Map<string, NodejsFunction>();
  readonly defs: readonly FunctionDef[];
  /** Group and role for the one-off schedules functions with `scheduler: true` create; only when one exists. */
  readonly oneOffSchedules?: { readonly groupName: string; readonly role: iam.Role; readonly policy: iam.ManagedPolicy };

  constructor(scope: Construct, id: string, props: PlatformFunctionsProps) {
    super(scope, id);
    this.defs = props.functions;
    const { stateful, deploy, policies } = props;
    const smIds = new Set(props.stateMachines.map((s) => s.id));

    const tableNames: Record<string, string> = {};
    for (const def of stateful.tableDefs) tableNames[def.envVar] = stateful.table(def.id).tableName;

    for (const def of props.functions) {
      const role = new iam.Role(this, `${def.id}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Smart-Agent-Pay ${def.id}`,
        managedPolicies: [policies.xrayWrite],
      });
      const logGroup = new logs.LogGroup(this, `${def.id}Logs`, { retention: logs.RetentionDays.THREE_MONTHS });
      logGroup.grantWrite(role);

      const environment: Record<string, string> = {
        ...tableNames,
        [EVENT_BUS_ENV]: stateful.bus.eventBusName,
        AGENTPAY_MODE: 'aws',
        AGENTPAY_ENVIRONMENT: deploy.agentpayEnvironment,
        LOG_LEVEL: 'INFO',
        POWERTOOLS_SERVICE_NAME: 'smart-agent-pay',
        NODE_OPTIONS: '--enable-source-maps',
      };
      if (deploy.adminKeySha256) environment.ADMIN_KEY_SHA256 = deploy.adminKeySha256;
      if (def.access.kms) environment.KMS_KEY_ID = stateful.key.keyArn;
      if (def.access.bedrock && deploy.bedrockModelId) environment.BEDROCK_MODEL_ID = deploy.bedrockModelId;
      for (const sm of def.access.stateMachines ?? []) {
        if (!smIds.has(sm)) throw new Error(`function ${def.id} names unknown state machine ${sm}`);
        environment[STATE_MACHINE_ARN_ENV(sm)] = stateMachineArn(this, sm);
      }

      const fn = new NodejsFunction(this, def.id, {
        entry: fromRoot(def.entry),
        handler: 'handler',
        projectRoot: REPO_ROOT,
        depsLockFilePath: fromRoot('package-lock.json'),
        description: def.description.slice(0, 256),
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: def.memoryMb,
        timeout: Duration.seconds(def.timeoutSeconds),
        role,
        logGroup,
        environment,
        bundling: {
          forceDockerBundling: false,
          format: OutputFormat.ESM,
          target: 'node22',
          minify: true,
          sourceMap: true,
          mainFields: ['module', 'main'],
          banner: ESM_REQUIRE_SHIM,
        },
      });
      // Active tracing without the L2's inline `xray:* on *` statement: the role carries the
      // shared X-Ray managed policy instead (see SharedPolicies).
      (fn.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
      this.byId.set(def.id, fn);

      this.grantAccess(def, role, props);
    }

    // Processor and PSP credentials: CloudFormation resolves each setting a function declares in
    // `access.secrets` from one Secrets Manager JSON secret at deploy time (the template holds only
    // the dynamic reference; the value sits in the function's KMS-encrypted configuration).
    if (deploy.processorSecretArn) {
      for (const def of props.functions) {
        for (const name of def.access.secrets ?? []) {
          this.get(def.id).addEnvironment(name, SecretValue.secretsManager(deploy.processorSecretArn, { jsonField: name }).unsafeUnwrap());
        }
      }
    }

    // Card connectors: each invoker learns the connector's name from CONNECTORS' env var and may
    // invoke exactly those functions (second pass: connectors exist once the loop is done).
    for (const def of props.functions) {
      for (const target of def.access.invokes ?? []) {
        const connector = CONNECTORS.find((c) => c.functionId === target);
        if (!connector) throw new Error(`function ${def.id} invokes ${target}, which is not a connector`);
        const targetFn = this.get(target);
        this.get(def.id).addEnvironment(connector.envVar, targetFn.functionName);
        // Exact function ARN only (grantInvoke would add `:*` versions, a wildcard cdk-nag rejects).
        (this.get(def.id).role as iam.Role).addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [targetFn.functionArn] }));
      }
    }

    if (props.functions.some((f) => f.access.scheduler)) {
      const stack = Stack.of(this);
      const groupName = `${stack.stackName}-oneoff`.slice(0, 64);
      new scheduler.CfnScheduleGroup(this, 'OneOffGroup', { name: groupName });
      const oneOffRole = new iam.Role(this, 'OneOffScheduleRole', {
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
        description: 'Lets one-off EventBridge Scheduler schedules invoke the schedule functions',
      });
      for (const def of props.functions.filter((f) => f.kind === 'schedule')) {
        oneOffRole.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.get(def.id).functionArn] }));
      }
      // Creating schedules in the group is granted by one managed policy (schedule ARNs end in the
      // schedule name, which the function picks at run time: `<group>/*` is the narrowest scope).
      const policy = new iam.ManagedPolicy(this, 'OneOffSchedulesPolicy', {
        description: 'Create and delete one-off schedules in the platform schedule group',
        statements: [
          new iam.PolicyStatement({
            actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule'],
            resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` })],
          }),
          new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [oneOffRole.roleArn] }),
        ],
      });
      this.oneOffSchedules = { groupName, role: oneOffRole, policy };
      for (const def of props.functions.filter((f) => f.access.scheduler)) {
        const fn = this.get(def.id);
        fn.addEnvironment('SCHEDULER_GROUP_NAME', groupName);
        fn.addEnvironment('SCHEDULER_ROLE_ARN', oneOffRole.roleArn);
        (fn.role as iam.Role).addManagedPolicy(policy);
        // The one-off schedules a function creates target the payout batch starter.
        if (props.functions.some((f) => f.id === 'PayoutBatchStart')) fn.addEnvironment('PAYOUT_START_FUNCTION_ARN', this.get('PayoutBatchStart').functionArn);
      }
    }
  }

  private grantAccess(def: FunctionDef, role: iam.Role, props: PlatformFunctionsProps): void {
    const { stateful, deploy } = props;
    const stack = Stack.of(this);
    const keyActions = new Set<string>();
    for (const [tableId, level] of Object.entries(def.access.tables)) {
      if (level === undefined) continue;
      const tableDef = stateful.tableDefs.find((t) => t.id === tableId);
      if (!tableDef) throw new Error(`function ${def.id} names unknown table ${tableId}`);
      const table = stateful.table(tableDef.id);
      const resources = [table.tableArn, ...tableDef.gsis.map((g) => `${table.tableArn}/index/${g.indexName}`)];
      role.addToPolicy(new iam.PolicyStatement({ actions: level === 'readwrite' ? [...TABLE_READ, ...TABLE_WRITE] : TABLE_READ, resources }));
      KEY_READ.forEach((a) => keyActions.add(a));
      if (level === 'readwrite') KEY_WRITE.forEach((a) => keyActions.add(a));
    }
    if (def.access.kms) KEY_DIRECT.forEach((a) => keyActions.add(a));
    if (keyActions.size > 0) {
      role.addToPolicy(new iam.PolicyStatement({ actions: [...keyActions].sort(), resources: [stateful.key.keyArn] }));
    }
    if (def.access.bus) stateful.bus.grantPutEventsTo(role);
    for (const sm of def.access.stateMachines ?? []) {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['states:StartExecution', 'states:StartSyncExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          resources: [stateMachineArn(this, sm)],
        }),
      );
    }
    if (def.access.bedrock && deploy.bedrockModelId) {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          resources: [
            stack.formatArn({ service: 'bedrock', account: '', resource: 'foundation-model', resourceName: deploy.bedrockModelId }),
            stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: deploy.bedrockModelId }),
          ],
        }),
      );
    }
  }

  get(id: string): NodejsFunction {
    const fn = this.byId.get(id);
    if (!fn) throw new Error(`no function ${id} (contracts/functions.ts)`);
    return fn;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  entries(): [string, NodejsFunction][] {
    return [...this.byId.entries()];
  }
}
