import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../functions/core/lab/scenario.js';
import { runSimulation } from '../../../functions/core/lab/simulate.js';
import { attemptTruth, transactionAt } from '../../../functions/core/lab/world.js';
import { command } from '../../../local/cli/commands/simulate.js';
import { memoryIo } from './helpers.js';

async function scenario(name: string): Promise<Scenario> {
  const p = parseScenario(JSON.parse(await readFile(new URL(`../../../bench/scenarios/${name}.json`, import.meta.url), 'utf8')));
  if (!p.ok) throw new Error(`${p.path}: ${p.message}`);
  return p.value;
}

const small: Scenario = {
  name: 'small', seed: 9, transactions: 3_000,
  mix: [{ method: 'card', currency: 'brl', brand: 'visa', weight: 1, amount: { min: 500, max: 20_000 } }],
  processors: [
    { id: 'a', methods: ['card'], currencies: ['brl'], fee: { percent_bps: 290, fixed: 30 }, latency_ms: { p50: 100, p99: 500 }, success_rate: [{ from: 0, rate: 0.92 }], outages: [{ from: 1_000, to: 1_400 }] },
    { id: 'b', methods: ['card'], currencies: ['brl'], fee: { percent_bps: 250, fixed: 40 }, latency_ms: { p50: 120, p99: 700 }, success_rate: [{ from: 0, rate: 0.85 }] },
  ],
};

describe('simulation lab', () => {
  it('derives the same transaction and outcome per (seed, tx, processor), independent of call order', () => {
    const p = small.processors[0]!;
    const fwd = Array.from({ length: 50 }, (_, i) => attemptTruth(p, transactionAt(small, 9, i), 9));
    const back = Array.from({ length: 50 }, (_, i) => 49 - i).map((i) => attemptTruth(p, transactionAt(small, 9, i), 9)).reverse();
    expect(back).toEqual(fwd);
  });

  it('gives the same report for the same seed (timings aside) and a different one for another seed', () => {
    const strip = (r: ReturnType<typeof runSimulation>) => JSON.parse(JSON.stringify(r, (k, v) => (k.startsWith('decision_p') ? 0 : v)));
    const a = runSimulation(small, { now: () => performance.now() });
    const b = runSimulation(small, { now: () => performance.now() });
    expect(strip(a)).toEqual(strip(b));
    expect(strip(runSimulation(small, { seed: 10 }))).not.toEqual(strip(a));
  });

  it('moves traffic away from a processor in outage within a few transactions', () => {
    const r = runSimulation(small);
    expect(r.outages[0]!.recovery_transactions.agent).toBeLessThanOrEqual(10);
    expect(r.outages[0]!.recovery_transactions.static_best_prior).toBe(400);
  });

  it.each(['drift-and-outage', 'abrupt-swap', 'sparse-segments'])('routing agent beats static_best_prior and round_robin and stays within 1 pp of the oracle on %s', async (name) => {
    const r = runSimulation(await scenario(name));
    const s = r.strategies;
    expect(s.agent.success_rate).toBeGreaterThan(s.static_best_prior.success_rate);
    expect(s.agent.success_rate).toBeGreaterThan(s.round_robin.success_rate);
    expect(s.agent.regret_vs_oracle).toBeLessThanOrEqual(0.01);
    expect(r.outage_recovery_transactions).toBeLessThanOrEqual(36);
  });

  it('runs `agentpay simulate` on a shipped scenario with --seed and --out', async () => {
    const text = await readFile(new URL('../../../bench/scenarios/flapping-outages.json', import.meta.url), 'utf8');
    const io = memoryIo({ 's.json': text });
    expect(await command.run(['--scenario', 's.json', '--seed', '3', '--out', 'r.json'], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report.seed).toBe(3);
    expect(Object.keys(report.strategies)).toEqual(['agent', 'static_best_prior', 'round_robin', 'oracle']);
    expect(JSON.parse(io.written['r.json']!)).toEqual(report);
    expect(report.strategies.agent.success_rate).toBeGreaterThan(report.strategies.round_robin.success_rate);
  });

  it('exits 2 with the field path for a broken scenario', async () => {
    const broken = { ...small, processors: [{ ...small.processors[0]!, fee: { percent_bps: 2.5, fixed: 30 } }] };
    const io = memoryIo({ 'bad.json': JSON.stringify(broken) });
    expect(await command.run(['--scenario', 'bad.json'], io)).toBe(2);
    expect(JSON.parse(io.err).error).toMatchObject({ code: 'invalid_scenario', path: 'processors.0.fee.percent_bps' });
    const io2 = memoryIo({ 'bad.json': JSON.stringify({ ...small, extra: 1 }) });
    expect(await command.run(['--scenario', 'bad.json'], io2)).toBe(2);
    expect(JSON.parse(io2.err).error.path).toBe('(root)');
    const io3 = memoryIo({ 'bad.json': JSON.stringify({ ...small, mix: [{ ...small.mix[0]!, currency: 'jpy' }] }) });
    expect(await command.run(['--scenario', 'bad.json'], io3)).toBe(2);
    expect(JSON.parse(io3.err).error.path).toBe('mix.0');
  });

  it('exits 2 on missing or malformed flags and unreadable files', async () => {
    expect(await command.run([], memoryIo())).toBe(2);
    expect(await command.run(['--scenario', 'x.json', '--seed', 'abc'], memoryIo({ 'x.json': '{}' }))).toBe(2);
    expect(await command.run(['--scenario', 'missing.json'], memoryIo())).toBe(2);
    expect(await command.run(['--scenario', 'x.json'], memoryIo({ 'x.json': '{not json' }))).toBe(2);
  });
});
