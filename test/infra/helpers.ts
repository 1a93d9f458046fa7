/**
 * Builds the CDK app for the infra tests. Bundling is skipped with the CDK-standard context
 * `aws:cdk:bundling-stacks: []` (NodejsFunction then points its asset at the source directory
 * instead of running esbuild) and the built-in CloudFormation validation is off: both are on in
 * bundles.test.ts, which synthesizes the app the way `cdk synth` does.
 */
import { readFileSync } from 'node:fs';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildPlatform, type PlatformStacks } from '../../lib/app.js';
import { fromRoot } from '../../lib/paths.js';
import type { Contracts } from '../../lib/stateless-stack.js';

export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

/** The `context` block of cdk.json (feature flags), so tests build what `cdk synth` builds. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(fromRoot('cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

export interface Built extends PlatformStacks {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

export function build(context: Record<string, unknown> = {}, contracts?: Partial<Contracts>, options: { nagSuppressions?: boolean } = {}): Built {
  const app = new App({ context: { ...cdkJsonContext(), ...SKIP_BUNDLING, ...context }, builtinCloudFormationValidation: false });
  const stacks = buildPlatform(app, { ...(contracts ? { contracts } : {}), ...options });
  return {
    app,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
  };
}

export const logicalId = (c: IConstruct): string => {
  const child = (c.node.defaultChild ?? c) as CfnElement;
  return (child.stack as Stack).getLogicalId(child);
};

export type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; DependsOn?: string[] };

export const resourcesOf = (t: Template, type: string): Record<string, Resource> => t.findResources(type) as Record<string, Resource>;
