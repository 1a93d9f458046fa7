/**
 * `npm run bench`: every benchmark, each printing its figures and a ratio against a baseline
 * measured in the same run (DESIGN.md §8: absolute times on shared 2-core machines are noisy).
 * `npm run bench -- brcode decisions` runs a subset; results also go to bench/results.json.
 * Each benchmark runs in a child process of its own: the local runtime loads handler modules
 * (and their cached configuration) once per process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './result.js';

const ALL = ['brcode', 'decisions', 'bundles', 'payments', 'payouts'];
const MARK = '@@bench-result@@';

if (process.argv[2] === '--child') {
  const mod = (await import(`./${process.argv[3]}.bench.ts`)) as { run(): Promise<BenchResult> };
  const r = await mod.run();
  process.stdout.write(`${MARK}${JSON.stringify(r)}\n`);
  process.exit(0);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((n) => !ALL.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(2);
}
const names = (wanted.length ? wanted : ALL).filter((n) => existsSync(fileURLToPath(new URL(`./${n}.bench.ts`, import.meta.url))));
const results: BenchResult[] = [];
let failed = 0;
for (const name of names) {
  console.log(`\n== ${name}`);
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (child.status !== 0 || !line) {
    failed++;
    console.log(`  failed (exit ${child.status}): ${child.stderr.split('\n').filter((l) => /Error|error/.test(l)).slice(0, 3).join(' | ')}`);
    continue;
  }
  const r = JSON.parse(line.slice(MARK.length)) as BenchResult;
  for (const l of r.lines) console.log(`  ${l}`);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  results.push(r);
}
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
process.exit(failed ? 1 : 0);
