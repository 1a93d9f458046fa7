import { describe, expect, it } from 'vitest';
import { buildScreeningIndex, parseSanctionsList } from '../../../functions/core/risk/aml/sanctions-list.js';
import { assessRisk } from '../../../functions/core/risk/assess.js';
import { extractFeatures, FEATURE_NAMES, type RiskSnapshot } from '../../../functions/core/risk/features.js';
import { recordPayment } from '../../../functions/core/risk/history.js';
import { newModel } from '../../../functions/core/risk/model.js';
import { INITIAL_THRESHOLDS } from '../../../functions/core/risk/thresholds.js';
import type { RiskRequest } from '../../../functions/core/risk/types.js';

const base: RiskRequest = { id: 'tx_1', at: '2025-03-01T15:00:00Z', agent_id: 'agt_1', merchant_id: 'mer_1', amount: 5_000, currency: 'brl', method: 'card', card_fingerprint: 'card_1', device_id: 'dev_1', ip: 'ip_1', country: 'BR' };
const f = (x: readonly number[], name: (typeof FEATURE_NAMES)[number]) => x[FEATURE_NAMES.indexOf(name)]!;

function history(n: number): RiskSnapshot {
  let s: RiskSnapshot = {};
  for (let i = 0; i < n; i++) s = recordPayment(s, { ...base, amount: 4_000 + (i % 5) * 500 }, Date.parse(base.at) - (n - i) * 86_400_000);
  return s;
}

describe('risk features', () => {
  it('see a card-testing burst: many cards from one device within the day', () => {
    let s: RiskSnapshot = {};
    const t0 = Date.parse(base.at);
    for (let i = 0; i < 12; i++) s = recordPayment({ device: s.device, ip: s.ip }, { ...base, card_fingerprint: `c${i}`, amount: 150 }, t0 + i * 30_000);
    const x = extractFeatures({ ...base, card_fingerprint: 'c99', amount: 150 }, { device: s.device, ip: s.ip }, t0 + 400_000);
    expect(f(x, 'device_distinct_cards_24h')).toBeCloseTo(Math.log1p(12), 6);
    expect(f(x, 'device_velocity_1h')).toBeCloseTo(Math.log1p(12), 6);
  });

  it('see an account takeover: new device, new IP, foreign country and an amount spike', () => {
    const s = history(30);
    const x = extractFeatures({ ...base, amount: 90_000, device_id: 'dev_evil', ip: 'ip_evil', country: 'RU' }, s, Date.parse(base.at));
    expect(f(x, 'new_device')).toBe(1);
    expect(f(x, 'new_ip')).toBe(1);
    expect(f(x, 'country_mismatch')).toBe(1);
    expect(f(x, 'amount_z_vs_agent')).toBeGreaterThan(3);
  });

  it('flag night-time Pix in Brasília time to a new payee', () => {
    const s = history(5);
    const x = extractFeatures({ ...base, method: 'pix', pix_key: 'k_new', at: '2025-03-02T05:00:00Z' }, s, Date.parse('2025-03-02T05:00:00Z'));
    expect(f(x, 'night_pix')).toBe(1);
    expect(f(x, 'night_pix_new_payee')).toBe(1);
  });
});

describe('assessRisk', () => {
  const input = { snapshot: history(10), model: newModel(), thresholds: INITIAL_THRESHOLDS };

  it('returns decision.risk with reasons sorted by |contribution|', () => {
    const a = assessRisk({ ...input, request: { ...base, device_id: 'dev_x', amount: 60_000 } });
    expect(a.decision.score).toBeGreaterThanOrEqual(0);
    expect(a.decision.score).toBeLessThanOrEqual(1);
    expect(['approve', 'review', 'decline']).toContain(a.decision.outcome);
    const abs = a.decision.reasons.map((r) => Math.abs(r.contribution));
    expect(abs).toEqual([...abs].sort((p, q) => q - p));
    expect(a.decision.reasons.length).toBeGreaterThan(0);
  });

  it('declines a block-listed device with score 1 and names the rule', () => {
    const a = assessRisk({ ...input, request: base, rules: { block: { devices: ['dev_1'] } } });
    expect(a.decision).toMatchObject({ score: 1, outcome: 'decline', rules: ['block_list:device'] });
  });

  it('lets an allow list approve but never above the hard cap', () => {
    expect(assessRisk({ ...input, request: base, rules: { allow: { agents: ['agt_1'] } } }).decision.outcome).toBe('approve');
    expect(assessRisk({ ...input, request: { ...base, amount: 2_000_000 }, rules: { allow: { agents: ['agt_1'] }, hard_cap: { brl: 1_000_000 } } }).decision.outcome).toBe('decline');
  });

  it('sends a sanctions match to review even when the model approves', () => {
    const list = parseSanctionsList({ format: 'agentpay-sanctions/v1', source: 't', generated_at: 't', entries: [{ id: 'S1', list: 'T', type: 'individual', name: 'Yevgenia Morozkova' }] });
    if (!list.ok) throw new Error('bad list');
    const a = assessRisk({ ...input, request: { ...base, counterparty_name: 'Evgenia Morozkova' }, rules: { sanctions: buildScreeningIndex(list.list) } });
    expect(a.decision.outcome).toBe('review');
    expect(a.decision.rules).toEqual(['aml:sanctions_match:S1']);
  });

  it('is deterministic and does not touch the snapshot or model', () => {
    const before = JSON.stringify(input);
    const a = assessRisk({ ...input, request: base });
    expect(assessRisk({ ...input, request: base })).toEqual(a);
    expect(JSON.stringify(input)).toBe(before);
  });
});
