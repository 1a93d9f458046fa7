import { amountZ, usualCountry, type AgentProfile } from './agent-profile.js';
import { detectStructuring, DEFAULT_STRUCTURING } from './aml/structuring.js';
import { isNightBrt } from './brt-time.js';
import { countInWindow, distinctInWindow, hasCounterpart, type EntityActivity } from './entity-activity.js';
import { trustScore, type TrustState } from './trust.js';
import type { RiskRequest } from './types.js';

/**
 * The stored history a decision reads: one record per entity key of the request (see
 * {@link entityKeys}). A store fetches these by key; the core never sees the whole history.
 */
export type RiskSnapshot = {
  readonly agent?: AgentProfile;
  /** Counterpart: agent id. */
  readonly card?: EntityActivity;
  /** Counterpart: card fingerprint (or "-"). */
  readonly device?: EntityActivity;
  readonly ip?: EntityActivity;
  /** Counterpart: paying agent id. */
  readonly pix_key?: EntityActivity;
  readonly trust?: TrustState;
};

/** Order matters: model weights are stored in this order. Append only. */
export const FEATURE_NAMES = [
  'log_amount',
  'amount_z_vs_agent',
  'agent_newness',
  'agent_velocity_1h',
  'card_velocity_1h',
  'card_velocity_24h',
  'card_new_agent',
  'device_velocity_1h',
  'device_distinct_cards_24h',
  'ip_velocity_1h',
  'ip_distinct_cards_24h',
  'pix_key_inbound_24h',
  'pix_key_distinct_payers_24h',
  'new_payee',
  'new_device',
  'new_ip',
  'new_device_high_amount',
  'country_mismatch',
  'night_pix',
  'night_pix_new_payee',
  'mandate_utilisation',
  'agent_trust',
  'processor_risk',
  'near_limit_24h',
  'structuring',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;

export type FeatureConfig = {
  /** Per-currency limit under which structuring is looked for, minor units. */
  readonly structuring_limit: Readonly<Record<string, number>>;
};

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = Object.freeze({
  structuring_limit: { brl: 1_000_000, usd: 1_000_000, eur: 1_000_000 },
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The storage keys of the records a request needs (and updates afterwards). */
export function entityKeys(r: RiskRequest): { agent: string; card?: string; device?: string; ip?: string; pix_key?: string } {
  return {
    agent: `agent:${r.agent_id}`,
    ...(r.card_fingerprint !== undefined ? { card: `card:${r.card_fingerprint}` } : {}),
    ...(r.device_id !== undefined ? { device: `device:${r.device_id}` } : {}),
    ...(r.ip !== undefined ? { ip: `ip:${r.ip}` } : {}),
    ...(r.pix_key !== undefined ? { pix_key: `pix:${r.pix_key}` } : {}),
  };
}

/** Who receives the money, for "new payee": the Pix key for Pix, else the merchant. */
export function payeeOf(r: RiskRequest): string {
  return r.method === 'pix' && r.pix_key !== undefined ? `pix:${r.pix_key}` : `mer:${r.merchant_id}`;
}

const clip = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/**
 * Raw (unstandardised) features of a request given the history *before* it. Velocities are
 * log1p counts so a burst of 30 is not 30× a burst of 1; "distinct" counts include the current
 * request. Missing data yields the neutral value 0.
 */
export function extractFeatures(r: RiskRequest, s: RiskSnapshot, now: number, cfg: FeatureConfig = DEFAULT_FEATURE_CONFIG): number[] {
  const agent = s.agent;
  const n = agent?.n ?? 0;
  const card = r.card_fingerprint ?? '-';
  const z = agent === undefined ? 0 : clip(amountZ(agent, r.amount), -5, 8);
  const known = n > 0;
  const newPayee = known && !agent!.payees.includes(payeeOf(r)) ? 1 : 0;
  const newDevice = known && r.device_id !== undefined && !agent!.devices.includes(r.device_id) ? 1 : 0;
  const newIp = known && r.ip !== undefined && !agent!.ips.includes(r.ip) ? 1 : 0;
  const home = agent === undefined ? undefined : usualCountry(agent);
  const night = r.method === 'pix' && isNightBrt(now) ? 1 : 0;
  let agentVel = 0;
  for (const p of agent?.recent ?? []) if (p.at > now - HOUR && p.at <= now) agentVel++;
  const limit = cfg.structuring_limit[r.currency];
  const structuring = limit === undefined
    ? { detected: false, near_limit_count: 0 }
    : detectStructuring(agent?.recent ?? [], { at: now, amount: r.amount }, { ...DEFAULT_STRUCTURING, limit });
  const out = [
    Math.log1p(r.amount),
    z,
    1 / (1 + n / 5),
    Math.log1p(agentVel),
    Math.log1p(countInWindow(s.card, now, HOUR)),
    Math.log1p(countInWindow(s.card, now, DAY)),
    s.card !== undefined && s.card.t.length > 0 && !hasCounterpart(s.card, r.agent_id) ? 1 : 0,
    Math.log1p(countInWindow(s.device, now, HOUR)),
    Math.log1p(distinctInWindow(s.device, now, DAY, card) - 1),
    Math.log1p(countInWindow(s.ip, now, HOUR)),
    Math.log1p(distinctInWindow(s.ip, now, DAY, card) - 1),
    Math.log1p(countInWindow(s.pix_key, now, DAY)),
    r.pix_key === undefined ? 0 : Math.log1p(distinctInWindow(s.pix_key, now, DAY, r.agent_id) - 1),
    newPayee,
    newDevice,
    newIp,
    newDevice * Math.max(0, z),
    r.country !== undefined && home !== undefined && r.country !== home ? 1 : 0,
    night,
    night * newPayee,
    r.mandate === undefined || r.mandate.budget <= 0 ? 0 : clip((r.mandate.spent + r.amount) / r.mandate.budget, 0, 2),
    trustScore(s.trust, now),
    r.processor_risk_score === undefined ? 0 : clip(r.processor_risk_score / 100, 0, 1),
    Math.log1p(structuring.near_limit_count),
    structuring.detected ? 1 : 0,
  ];
  return out;
}
