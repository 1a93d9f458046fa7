import { describe, expect, it } from 'vitest';
import { generateFraudData } from '../../../bench/fraud-gen.js';
import { runBacktest } from '../../../functions/core/lab/backtest.js';
import { command } from '../../../local/cli/commands/risk.js';
import { memoryIo } from './helpers.js';

describe('risk backtest', () => {
  const data = generateFraudData({ seed: 4, n: 8_000 });

  it('generates a seeded, time-ordered data set with every fraud mechanism labelled', () => {
    expect(generateFraudData({ seed: 4, n: 8_000 })).toEqual(data);
    const times = data.map((l) => Date.parse(l.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const fraudAgents = new Set(data.filter((l) => l.label === 'fraud').map((l) => l.agent_id.replace(/\d+$/, '')));
    expect([...fraudAgents].sort()).toEqual(expect.arrayContaining(['agt_ct', 'agt_cnp']));
    const fraudKeys = data.filter((l) => l.label === 'fraud' && l.pix_key).map((l) => l.pix_key!.replace(/\d.*$/, ''));
    expect(new Set(fraudKeys)).toEqual(new Set(['pix_ato', 'pix_mule', 'pix_scam', 'pix_st']));
  });

  it('reaches ROC AUC ≥ 0.90 with legit declines ≤ 0.5 % on generated data', () => {
    const { summary } = runBacktest(data);
    expect(summary.roc_auc).toBeGreaterThanOrEqual(0.9);
    expect(summary.legit_decline_rate).toBeLessThanOrEqual(0.005);
    expect(summary.recall_at_1pct_fpr).toBeGreaterThanOrEqual(0.5);
  });

  it('writes each score before its label is learnt: flipping a label changes nothing within the delay', () => {
    const lines = data.slice(0, 1_500);
    const k = 600;
    const flipped = lines.map((l, i) => (i === k ? { ...l, label: l.label === 'fraud' ? ('legit' as const) : ('fraud' as const) } : l));
    const a = runBacktest(lines, { label_delay: 100 }).outputs;
    const b = runBacktest(flipped, { label_delay: 100 }).outputs;
    expect(b.slice(0, k + 101)).toEqual(a.slice(0, k + 101));
    expect(b.slice(k + 101)).not.toEqual(a.slice(k + 101));
  });

  it('runs `agentpay risk backtest` end to end: JSONL scores on stdout, summary on stderr', async () => {
    const text = data.slice(0, 500).map((l) => JSON.stringify(l)).join('\n');
    const io = memoryIo({ 'tx.jsonl': text });
    expect(await command.run(['backtest', '--input', 'tx.jsonl', '--label-delay', '50'], io)).toBe(0);
    const out = io.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(500);
    expect(Object.keys(out[0]).sort()).toEqual(['id', 'outcome', 'reasons', 'score']);
    expect(JSON.parse(io.err).summary).toHaveProperty('roc_auc');
    const io2 = memoryIo({ 'tx.jsonl': text });
    expect(await command.run(['backtest', '--input', 'tx.jsonl', '--out', 's.jsonl', '--summary'], io2)).toBe(0);
    expect(JSON.parse(io2.out)).toHaveProperty('recall_at_1pct_fpr');
    expect(io2.written['s.jsonl']!.trim().split('\n')).toHaveLength(500);
  });

  it('exits 2 naming the line number and field of a bad line', async () => {
    const lines = data.slice(0, 3).map((l) => JSON.stringify(l));
    lines.splice(2, 0, JSON.stringify({ ...data[3], amount: 12.5 }));
    const io = memoryIo({ 'tx.jsonl': lines.join('\n') });
    expect(await command.run(['backtest', '--input', 'tx.jsonl'], io)).toBe(2);
    expect(JSON.parse(io.err).error).toMatchObject({ line: 3, field: 'amount' });
    const io2 = memoryIo({ 'tx.jsonl': `${lines[0]}\n{oops` });
    expect(await command.run(['backtest', '--input', 'tx.jsonl'], io2)).toBe(2);
    expect(JSON.parse(io2.err).error).toMatchObject({ line: 2, field: '(json)' });
    expect(await command.run(['score'], memoryIo())).toBe(2);
    expect(await command.run(['backtest', '--input', 'tx.jsonl', '--label-delay', '-1'], memoryIo({ 'tx.jsonl': '' }))).toBe(2);
  });
});
