import type { ScreeningIndex } from './aml/sanctions-list.js';
import { screenName, DEFAULT_SCREENING_THRESHOLD } from './aml/screen.js';
import type { RiskOutcome, RiskRequest } from './types.js';

/**
 * Explicit risk rules, as data. They run beside the model: a block list or hard cap declines
 * whatever the score, an allow list approves (but never above a hard cap), a sanctions match
 * or detected structuring sends the payment to review at least.
 */
export type EntityLists = {
  readonly agents?: readonly string[];
  readonly cards?: readonly string[];
  readonly devices?: readonly string[];
  readonly ips?: readonly string[];
  readonly pix_keys?: readonly string[];
  readonly countries?: readonly string[];
};

export type RiskRules = {
  readonly block?: EntityLists;
  readonly allow?: EntityLists;
  /** Largest amount per currency we accept at all, minor units. */
  readonly hard_cap?: Readonly<Record<string, number>>;
  readonly sanctions?: ScreeningIndex;
  readonly screening_threshold?: number;
};

export type RuleVerdict = { readonly floor: RiskOutcome | null; readonly force: RiskOutcome | null; readonly fired: readonly string[] };

function listed(lists: EntityLists | undefined, r: RiskRequest): string | null {
  if (lists === undefined) return null;
  if (lists.agents?.includes(r.agent_id)) return 'agent';
  if (r.card_fingerprint !== undefined && lists.cards?.includes(r.card_fingerprint)) return 'card';
  if (r.device_id !== undefined && lists.devices?.includes(r.device_id)) return 'device';
  if (r.ip !== undefined && lists.ips?.includes(r.ip)) return 'ip';
  if (r.pix_key !== undefined && lists.pix_keys?.includes(r.pix_key)) return 'pix_key';
  if (r.country !== undefined && lists.countries?.includes(r.country)) return 'country';
  return null;
}

/**
 * Evaluates the rules. `force` overrides the model (block, cap, allow); `floor` is the least
 * severe outcome allowed (sanctions, structuring). Order of precedence: cap and block beat allow.
 */
export function evaluateRiskRules(rules: RiskRules, r: RiskRequest, structuringDetected: boolean): RuleVerdict {
  const fired: string[] = [];
  let force: RiskOutcome | null = null;
  let floor: RiskOutcome | null = null;
  const cap = rules.hard_cap?.[r.currency];
  if (cap !== undefined && r.amount > cap) { force = 'decline'; fired.push(`hard_cap:${r.currency}`); }
  const blocked = listed(rules.block, r);
  if (blocked !== null) { force = 'decline'; fired.push(`block_list:${blocked}`); }
  if (force === null) {
    const allowed = listed(rules.allow, r);
    if (allowed !== null) { force = 'approve'; fired.push(`allow_list:${allowed}`); }
  }
  if (rules.sanctions !== undefined && r.counterparty_name !== undefined) {
    const res = screenName(rules.sanctions, r.counterparty_name, rules.screening_threshold ?? DEFAULT_SCREENING_THRESHOLD);
    if (res.hit) { floor = 'review'; fired.push(`aml:sanctions_match:${res.matches[0]!.entry_id}`); }
  }
  if (structuringDetected) { floor = 'review'; fired.push('aml:structuring'); }
  return { floor, force, fired };
}
