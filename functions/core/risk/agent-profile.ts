/**
 * What "normal" looks like for one agent: running mean/variance of log amount (Welford, with
 * the count capped so the profile follows slow drift), recently seen payees, devices, IPs and
 * countries, and recent near-limit payments (structuring). Plain JSON, one item per agent.
 */
export type AgentProfile = {
  readonly n: number;
  readonly mean_log_amount: number;
  readonly m2_log_amount: number;
  readonly payees: readonly string[];
  readonly devices: readonly string[];
  readonly ips: readonly string[];
  readonly countries: Readonly<Record<string, number>>;
  /** Epoch ms and amounts of recent payments, for velocity and structuring. */
  readonly recent: readonly { readonly at: number; readonly amount: number }[];
};

export const EMPTY_PROFILE: AgentProfile = Object.freeze({
  n: 0, mean_log_amount: 0, m2_log_amount: 0, payees: [], devices: [], ips: [], countries: {}, recent: [],
});

const MAX_N = 200;
const MAX_PAYEES = 64;
const MAX_DEVICES = 16;
const RECENT_MS = 24 * 3_600_000;
const MAX_RECENT = 64;

/** z-score of log(amount) against the agent's normal; 0 until there are 3 observations. */
export function amountZ(p: AgentProfile, amount: number): number {
  if (p.n < 3) return 0;
  const variance = p.m2_log_amount / (p.n - 1);
  // Floor the spread: an agent that always pays the same amount should not make a 10 % change an outlier.
  const sd = Math.max(Math.sqrt(variance), 0.25);
  return (Math.log1p(amount) - p.mean_log_amount) / sd;
}

/** The country the agent is most often seen from, if any. */
export function usualCountry(p: AgentProfile): string | undefined {
  let best: string | undefined;
  let bestN = 0;
  for (const [c, k] of Object.entries(p.countries)) if (k > bestN) { best = c; bestN = k; }
  return best;
}

function remember(list: readonly string[], item: string | undefined, cap: number): readonly string[] {
  if (item === undefined) return list;
  const out = list.filter((x) => x !== item);
  out.push(item);
  return out.length > cap ? out.slice(out.length - cap) : out;
}

/** Adds one payment to the profile; returns a new profile. */
export function updateProfile(
  p: AgentProfile | undefined,
  tx: { readonly at: number; readonly amount: number; readonly payee: string; readonly device_id?: string; readonly ip?: string; readonly country?: string },
): AgentProfile {
  const base = p ?? EMPTY_PROFILE;
  const x = Math.log1p(tx.amount);
  // Welford; once n reaches MAX_N the update keeps the weight of a MAX_N window (exponential forgetting).
  const n = Math.min(base.n + 1, MAX_N);
  const delta = x - base.mean_log_amount;
  const mean = base.mean_log_amount + delta / n;
  const m2 = (base.n + 1 > MAX_N ? base.m2_log_amount * (MAX_N - 1) / MAX_N : base.m2_log_amount) + delta * (x - mean);
  const countries = tx.country === undefined ? base.countries : { ...base.countries, [tx.country]: (base.countries[tx.country] ?? 0) + 1 };
  const recent = base.recent.filter((r) => r.at > tx.at - RECENT_MS).slice(-(MAX_RECENT - 1));
  recent.push({ at: tx.at, amount: tx.amount });
  return {
    n, mean_log_amount: mean, m2_log_amount: Math.max(0, m2),
    payees: remember(base.payees, tx.payee, MAX_PAYEES),
    devices: remember(base.devices, tx.device_id, MAX_DEVICES),
    ips: remember(base.ips, tx.ip, MAX_DEVICES),
    countries, recent,
  };
}
