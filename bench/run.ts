/**
 * `npm run bench`: every benchmark, each printing its figures and a ratio against a baseline
 * measured in the same run (DESIGN.md §8: absolute times on shared 2-core machines are noisy).
 * `npm run bench -- brcode decisions` runs a subset; results also go to bench/results.json.
 */
import '../local/polyfills.js';
import { writeFileSync } from 'node:fs';
import type { BenchResult } from './result.js';

const ALL: Record<string, string> = {
  brcode: './brcode.bench.ts',
  decisions: './decisions.bench.ts',
  bundles: './bundles.bench.ts',
  payments: './payments.bench.ts',
  payouts: './payouts.bench.ts',
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(ALL);
const results: BenchResult[] = [];
for (const name of names) {
  const path = ALL[name];
  if (!path) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(ALL).join(', ')}`);
    process.exit(2);
  }
  let mod: { run(): Promise<BenchResult> };
  try {
    mod = (await import(path)) as { run(): Promise<BenchResult> };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && !wanted.length) continue;
    throw err;
  }
  console.log(`\n== ${name}`);
  const t0 = performance.now();
  const r = await mod.run();
  for (const l of r.lines) console.log(`  ${l}`);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  results.push(r);
}
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
