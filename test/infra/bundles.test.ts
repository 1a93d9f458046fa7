/**
 * The slow one: synthesizes the whole app the way `cdk synth` does — esbuild bundling ON, the
 * built-in CloudFormation validation ON, cdk-nag registered as a validation plugin, cdk.json's
 * feature flags — into a temp dir, then checks the validation report and every function bundle
 * against the 500 KB minified budget (DESIGN.md §8).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionDef } from '../../functions/contracts/functions.js';
import { buildPlatform, type PlatformStacks } from '../../lib/app.js';
import { cdkJsonContext, logicalId } from './helpers.js';

const BUDGET_BYTES = 500 * 1024;
let outdir: string;
let stacks: PlatformStacks;
let synthMs = 0;
const exitCodeBefore = process.exitCode;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'agentpay-cdk-'));
  const app = new App({ outdir, context: cdkJsonContext() });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const t0 = performance.now();
  stacks = buildPlatform(app);
  app.synth();
  synthMs = performance.now() - t0;
  console.log(`synth with bundling and validation: ${(synthMs / 1000).toFixed(1)} s`);
}, 180_000);

afterAll(() => {
  // A failed validation sets process.exitCode; the assertions below report it instead.
  process.exitCode = exitCodeBefore;
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('full synth (bundling and validation on)', () => {
  it('passes the built-in CloudFormation validation and cdk-nag with no finding (and no circular dependency)', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string; severity?: string }[] }[];
    };
    const findings = report.pluginReports.flatMap((r) => r.violations.map((v) => `${r.pluginName}: ${v.ruleName} (${v.severity ?? '?'})`));
    expect(findings).toEqual([]);
  });

  it('bundles every function as one minified ESM file within 500 KB', () => {
    const template = JSON.parse(readFileSync(join(outdir, `${stacks.stateless.artifactId}.template.json`), 'utf8')) as {
      Resources: Record<string, { Properties?: { Code?: { S3Key?: string } } }>;
    };
    const rows: string[] = [];
    const over: string[] = [];
    for (const def of FUNCTIONS as readonly FunctionDef[]) {
      const res = template.Resources[logicalId(stacks.stateless.functions.get(def.id))];
      const s3Key = res?.Properties?.Code?.S3Key;
      expect(s3Key, def.id).toMatch(/^[0-9a-f]{64}\.zip$/);
      const file = join(outdir, `asset.${s3Key!.replace(/\.zip$/, '')}`, 'index.mjs');
      const size = statSync(file).size;
      const head = readFileSync(file, 'utf8').slice(0, 200);
      expect(head.startsWith("import { createRequire } from 'module'"), `${def.id}: ESM require shim banner`).toBe(true);
      rows.push(`${def.id.padEnd(22)} ${(size / 1024).toFixed(1).padStart(7)} KB`);
      if (size > BUDGET_BYTES) over.push(`${def.id}: ${(size / 1024).toFixed(1)} KB`);
    }
    console.log(`bundle sizes (budget ${BUDGET_BYTES / 1024} KB):\n${rows.join('\n')}`);
    expect(over).toEqual([]);
  });
});
