/**
 * Seeded generator of labelled payment traffic for `agentpay risk backtest` (DESIGN.md §6 line
 * format). Legit users have habits (amount scale, favourite merchants and Pix payees, one
 * device, a home country, daytime activity) with realistic noise (new payees, phone changes,
 * travel, occasional big purchases, legit night Pix, popular business keys with many payers).
 * Fraud follows six mechanisms:
 *  1. card testing — a fresh agent/device/IP running bursts of tiny payments on many cards;
 *  2. account takeover — a victim's agent from a new device/IP, amount spikes to new payees;
 *  3. mule Pix keys — one key paid by many unrelated victims within a day;
 *  4. night-time Pix scams — victims on their own device paying a new key after 22:00 BRT;
 *  5. structuring — many Pix payments just under the R$10,000 limit within a day;
 *  6. card-not-present with a stolen card — a new agent, foreign country, victim's card.
 *
 * Run: `node --import tsx bench/fraud-gen.ts [--seed 1] [--n 20000] [--out tx.jsonl]`.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createPrng } from '../functions/core/routing/prng.js';
import type { BacktestLine } from '../functions/core/lab/backtest-line.js';

export type FraudGenOptions = { readonly seed: number; readonly n: number; readonly days?: number };

type Rng = () => number;
type User = {
  id: string; card: string; device: string; ip: string; country: string;
  mu: number; sigma: number; merchants: string[]; payees: string[]; pixShare: number;
};
type Draft = Omit<BacktestLine, 'id' | 'at'> & { t: number };

const START = Date.UTC(2025, 2, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BRT = -3 * HOUR;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
/** A UTC instant on `day` at a BRT hour drawn from daytime-heavy habits (3 % at night). */
function habitTime(rng: Rng, day: number): number {
  const h = rng() < 0.03 ? int(rng, 0, 5) : rng() < 0.12 ? int(rng, 22, 23) : int(rng, 7, 21);
  return START + day * DAY + h * HOUR - BRT + Math.floor(rng() * HOUR);
}

export function generateFraudData(opts: FraudGenOptions): BacktestLine[] {
  const rng = createPrng(opts.seed);
  const days = opts.days ?? Math.max(7, Math.round(opts.n / 1500));
  const merchants = Array.from({ length: 300 }, (_, i) => `mer_${i}`);
  const businessKeys = Array.from({ length: 25 }, (_, i) => `pix_biz_${i}`);
  const userCount = Math.max(50, Math.round(opts.n / 25));
  const users: User[] = Array.from({ length: userCount }, (_, i) => ({
    id: `agt_u${i}`, card: `card_u${i}`, device: `dev_u${i}`, ip: `ip_u${i}`,
    country: rng() < 0.9 ? 'BR' : pick(rng, ['US', 'PT', 'AR']),
    mu: Math.log(int(rng, 1500, 25_000)), sigma: 0.3 + rng() * 0.5,
    merchants: Array.from({ length: 5 }, () => pick(rng, merchants)),
    payees: [...Array.from({ length: 3 }, (_, k) => `pix_p${i}_${k}`), pick(rng, businessKeys)],
    pixShare: rng() * 0.6,
  }));
  const drafts: Draft[] = [];
  const legitTarget = Math.round(opts.n * 0.97);

  for (let k = 0; k < legitTarget; k++) {
    const u = pick(rng, users);
    const t = habitTime(rng, int(rng, 0, days - 1));
    const pix = rng() < u.pixShare;
    let amount = Math.max(100, Math.round(Math.exp(u.mu + u.sigma * normal(rng))));
    if (rng() < 0.01) amount *= int(rng, 3, 8);
    const travel = rng() < 0.02;
    const newPhone = rng() < 0.02;
    drafts.push({
      t, agent_id: u.id, amount, currency: 'brl', method: pix ? 'pix' : 'card',
      merchant_id: rng() < 0.9 ? pick(rng, u.merchants) : pick(rng, merchants),
      ...(pix ? { pix_key: rng() < 0.9 ? pick(rng, u.payees) : rng() < 0.5 ? pick(rng, businessKeys) : `pix_new_${k}` } : { card_fingerprint: u.card }),
      device_id: newPhone ? `${u.device}_b` : u.device,
      ip: travel ? `ip_travel_${k}` : rng() < 0.1 ? `${u.ip}_m` : u.ip,
      country: travel ? pick(rng, ['US', 'PT', 'FR', 'CL']) : u.country,
      label: 'legit',
    });
  }

  const fraudBudget = opts.n - legitTarget;
  let f = 0;
  const fraud = (d: Omit<Draft, 'label' | 'currency'>): void => { drafts.push({ ...d, currency: 'brl', label: 'fraud' }); f++; };
  for (let e = 0; f < fraudBudget; e++) {
    const t0 = START + Math.floor(rng() * days * DAY);
    const victim = pick(rng, users);
    switch (e % 6) {
      case 0: { // card testing burst
        const agent = `agt_ct${e}`; const device = `dev_ct${e}`; const ip = `ip_ct${e}`; const mer = pick(rng, merchants);
        for (let k = 0, n = int(rng, 8, 25); k < n; k++) {
          fraud({ t: t0 + k * int(rng, 10_000, 60_000), agent_id: agent, merchant_id: mer, amount: int(rng, 100, 400), method: 'card', card_fingerprint: `card_ct${e}_${k}`, device_id: device, ip, country: pick(rng, ['BR', 'US', 'RU', 'NG']) });
        }
        break;
      }
      case 1: { // account takeover
        const device = `dev_ato${e}`; const ip = `ip_ato${e}`; const foreign = rng() < 0.5;
        for (let k = 0, n = int(rng, 2, 4); k < n; k++) {
          const pix = rng() < 0.5;
          fraud({ t: t0 + k * int(rng, 60_000, 900_000), agent_id: victim.id, merchant_id: pick(rng, merchants), amount: Math.round(Math.exp(victim.mu) * (4 + rng() * 16)), method: pix ? 'pix' : 'card', ...(pix ? { pix_key: `pix_ato${e}` } : { card_fingerprint: victim.card }), device_id: device, ip, country: foreign ? pick(rng, ['US', 'RU', 'CN']) : victim.country });
        }
        break;
      }
      case 2: { // mule Pix key paid by many victims
        const key = `pix_mule${e}`;
        for (let k = 0, n = int(rng, 6, 16); k < n; k++) {
          const v = pick(rng, users);
          fraud({ t: t0 + Math.floor(rng() * 20 * HOUR), agent_id: v.id, merchant_id: pick(rng, merchants), amount: int(rng, 20_000, 150_000), method: 'pix', pix_key: key, device_id: v.device, ip: v.ip, country: v.country });
        }
        break;
      }
      case 3: { // night-time Pix scam, victim's own device
        const night = START + Math.floor(rng() * days) * DAY + int(rng, 22, 29) * HOUR - BRT + Math.floor(rng() * HOUR);
        for (let k = 0, n = int(rng, 1, 3); k < n; k++) {
          fraud({ t: night + k * int(rng, 120_000, 1_200_000), agent_id: victim.id, merchant_id: pick(rng, merchants), amount: Math.round(Math.exp(victim.mu) * (3 + rng() * 10)), method: 'pix', pix_key: `pix_scam${e}`, device_id: victim.device, ip: victim.ip, country: victim.country });
        }
        break;
      }
      case 4: { // structuring just under R$10,000
        const agent = rng() < 0.5 ? victim.id : `agt_st${e}`; const device = agent === victim.id ? victim.device : `dev_st${e}`;
        for (let k = 0, n = int(rng, 4, 8); k < n; k++) {
          fraud({ t: t0 + k * int(rng, 600_000, 3 * HOUR), agent_id: agent, merchant_id: pick(rng, merchants), amount: int(rng, 900_000, 999_999), method: 'pix', pix_key: `pix_st${e}_${k % 3}`, device_id: device, ip: `ip_st${e}`, country: 'BR' });
        }
        break;
      }
      default: { // stolen card, card-not-present from abroad
        const agent = `agt_cnp${e}`;
        for (let k = 0, n = int(rng, 1, 3); k < n; k++) {
          fraud({ t: t0 + k * int(rng, 60_000, 1_800_000), agent_id: agent, merchant_id: pick(rng, merchants), amount: int(rng, 8_000, 120_000), method: 'card', card_fingerprint: victim.card, device_id: `dev_cnp${e}`, ip: `ip_cnp${e}`, country: pick(rng, ['US', 'RU', 'NG', 'CN']) });
        }
      }
    }
  }

  drafts.sort((a, b) => a.t - b.t);
  return drafts.map(({ t, ...d }, i) => ({ id: `tx_${String(i + 1).padStart(7, '0')}`, at: new Date(t).toISOString(), ...d }));
}

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lines = generateFraudData({ seed: Number(arg('seed') ?? 1), n: Number(arg('n') ?? 20_000) });
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  const out = arg('out');
  if (out === undefined) process.stdout.write(text);
  else await writeFile(out, text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
}
