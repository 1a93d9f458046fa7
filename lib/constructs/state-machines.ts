/**
 * One state machine per entry of contracts/asl.ts: the ASL file inlined
 * (`DefinitionBody.fromString`), `${Placeholder}`s substituted by CloudFormation from the
 * contract's map (function ARNs, state machine ARNs), type from the contract, execution logs at
 * level ALL and X-Ray tracing. The role may invoke exactly the functions the definition names.
 */
import { readFileSync } from 'node:fs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { placeholdersIn, type StateMachineDef } from '../../functions/contracts/asl.js';
import { fromRoot } from '../paths.js';
import { stateMachineArn, stateMachineName } from '../naming.js';
import type { PlatformFunctions } from './platform-functions.js';
import type { SharedPolicies } from './shared-policies.js';

export interface PlatformStateMachinesProps {
  readonly stateMachines: readonly StateMachineDef[];
  readonly functions: PlatformFunctions;
  readonly policies: SharedPolicies;
}

export class PlatformStateMachines extends Construct {
  readonly machines: { readonly def: StateMachineDef; readonly machine: sfn.StateMachine }[] = [];

  constructor(scope: Construct, id: string, props: PlatformStateMachinesProps) {
    super(scope, id);
    const knownIds = new Set(props.stateMachines.map((s) => s.id));
    for (const def of props.stateMachines) {
      const asl = readFileSync(fromRoot(def.file), 'utf8');
      const substitutions: Record<string, string> = {};
      const invokes: string[] = [];
      const starts: string[] = [];
      for (const [placeholder, functionId] of Object.entries(def.functions)) {
        const fn = props.functions.get(functionId);
        substitutions[placeholder] = fn.functionArn;
        invokes.push(fn.functionArn);
      }
      for (const [placeholder, smId] of Object.entries(def.stateMachines ?? {})) {
        if (!knownIds.has(smId)) throw new Error(`state machine ${def.id}: placeholder ${placeholder} names unknown state machine ${smId}`);
        substitutions[placeholder] = stateMachineArn(this, smId);
        starts.push(stateMachineArn(this, smId));
      }
      const missing = placeholdersIn(asl).filter((p) => !(p in substitutions));
      if (missing.length > 0) throw new Error(`${def.file}: placeholders without a value in contracts/asl.ts: ${missing.join(', ')}`);

      const role = new iam.Role(this, `${def.id}Role`, {
        assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
        description: `Smart-Agent-Pay state machine ${def.id}`,
        managedPolicies: [props.policies.xrayWrite, props.policies.statesLogDelivery],
      });
      if (invokes.length > 0) role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: invokes }));
      if (starts.length > 0) {
        role.addToPolicy(new iam.PolicyStatement({ actions: ['states:StartExecution', 'states:StartSyncExecution'], resources: starts }));
      }

      const logGroup = new logs.LogGroup(this, `${def.id}Logs`, {
        logGroupName: `/aws/vendedlogs/states/${stateMachineName(this, def.id)}`,
        retention: logs.RetentionDays.THREE_MONTHS,
      });

      const machine = new sfn.StateMachine(this, def.id, {
        stateMachineName: stateMachineName(this, def.id),
        stateMachineType: def.type === 'EXPRESS' ? sfn.StateMachineType.EXPRESS : sfn.StateMachineType.STANDARD,
        comment: def.description,
        definitionBody: sfn.DefinitionBody.fromString(asl),
        definitionSubstitutions: substitutions,
        role,
      });
      // Logging and tracing on the L1: the L2 options would add `logs:*Delivery*` / `xray:*` on `*`
      // to the role's inline policy; the shared managed policies carry those instead.
      const cfn = machine.node.defaultChild as sfn.CfnStateMachine;
      cfn.loggingConfiguration = {
        level: 'ALL',
        // Execution data stays out of the logs: payment context carries (encrypted) PII and keys.
        includeExecutionData: false,
        destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup.logGroupArn } }],
      };
      cfn.tracingConfiguration = { enabled: true };
      this.machines.push({ def, machine });
    }
  }
}
