/**
 * Lambda bundles (DESIGN.md §8: each ≤ 500 KB minified, cold import ≤ 150 ms): bundles every
 * function of the contract with esbuild the way CDK does (ESM, minified, AWS SDK external as
 * the runtime provides it), then imports each in a fresh Node process. Baseline in the same run:
 * the same fresh-process import of an empty module, so the figure is the handler's own cost.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { FUNCTIONS } from '../functions/contracts/functions.js';
import type { BenchResult } from './result.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, '.data', 'bench-bundles');
const BANNER = "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);";

function importMs(file: string): number {
  const script = `const t=performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now()-t));`;
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, AWS_REGION: 'us-east-1' } }).toString()));
  return runs.sort((a, b) => a - b)[1]!;
}

export async function run(): Promise<BenchResult> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const empty = join(OUT, 'empty.mjs');
  writeFileSync(empty, 'export const handler = async () => undefined;\n');
  const baseline = importMs(empty);
  const rows: Array<{ id: string; kb: number; ms: number }> = [];
  for (const f of FUNCTIONS) {
    if (!existsSync(join(ROOT, f.entry))) throw new Error(`${f.entry} (function ${f.id}) does not exist`);
    const outfile = join(OUT, `${f.id}.mjs`);
    await build({ entryPoints: [join(ROOT, f.entry)], bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node22', external: ['@aws-sdk/*'], banner: { js: BANNER }, outfile, logLevel: 'error' });
    rows.push({ id: f.id, kb: statSync(outfile).size / 1024, ms: importMs(outfile) - baseline });
  }
  const maxKb = Math.max(...rows.map((r) => r.kb));
  const maxMs = Math.max(...rows.map((r) => r.ms));
  return {
    name: 'bundles',
    lines: [
      `fresh-process import of an empty module (baseline): ${baseline.toFixed(1)} ms; handler figures below are above it`,
      ...rows.sort((a, b) => b.kb - a.kb).map((r) => `${r.id.padEnd(22)} ${r.kb.toFixed(1).padStart(7)} KB  cold import +${r.ms.toFixed(1)} ms`),
      `largest bundle ${maxKb.toFixed(1)} KB (budget 500 KB); slowest cold import +${maxMs.toFixed(1)} ms (budget 150 ms)`,
    ],
    metrics: { max_bundle_kb: maxKb, max_cold_import_ms: maxMs, baseline_import_ms: baseline },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await run();
  for (const l of r.lines) console.log(l);
}
