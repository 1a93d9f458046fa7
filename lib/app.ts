/**
 * Builds the two stacks into an app. bin/app.ts (the CDK entry) and the infra tests share it.
 * Stacks are environment-agnostic (no account/region, no lookups): `cdk synth` works offline
 * with no credentials.
 */
import type { App } from 'aws-cdk-lib';
import { readDeployContext } from './context.js';
import { applyStatefulSuppressions, applyStatelessSuppressions } from './nag-suppressions.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack, type Contracts } from './stateless-stack.js';

export interface PlatformStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export interface BuildOptions {
  /** Contracts to generate from instead of functions/contracts (tests). */
  readonly contracts?: Partial<Contracts>;
  /** Apply lib/nag-suppressions.ts (default true; false only to prove the checks are live). */
  readonly nagSuppressions?: boolean;
}

export function buildPlatform(app: App, options: BuildOptions = {}): PlatformStacks {
  const deploy = readDeployContext(app.node);
  const description = 'Smart-Agent-Pay: payment orchestration for AI agents and merchants';
  const stateful = new StatefulStack(app, `${deploy.stackPrefix}-Stateful`, {
    deploy,
    description: `${description} (state: tables, key, bus)`,
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${deploy.stackPrefix}-Stateless`, {
    stateful,
    deploy,
    description: `${description} (API, functions, workflows)`,
    ...(options.contracts ? { contracts: options.contracts } : {}),
  });
  if (options.nagSuppressions !== false) {
    applyStatefulSuppressions(stateful);
    applyStatelessSuppressions(stateless);
  }
  return { stateful, stateless };
}
