/**
 * Recent activity of one entity (card fingerprint, device, IP, Pix key, agent): times (epoch ms,
 * ascending) and, in parallel, the counterpart seen with each event (the agent for a card or Pix
 * key, the card for a device or IP). Bounded: only the last `MAX_EVENTS` within `HORIZON_MS`
 * are kept, so a record is a small JSON item that a store can hold per entity key.
 */
export type EntityActivity = { readonly t: readonly number[]; readonly v: readonly string[] };

export const HORIZON_MS = 24 * 3_600_000;
export const MAX_EVENTS = 64;
export const EMPTY_ACTIVITY: EntityActivity = Object.freeze({ t: [], v: [] });

/** Appends one event; returns a new record. */
export function touchActivity(a: EntityActivity | undefined, at: number, counterpart: string): EntityActivity {
  const t: number[] = [];
  const v: string[] = [];
  const src = a ?? EMPTY_ACTIVITY;
  const start = Math.max(0, src.t.length - (MAX_EVENTS - 1));
  for (let i = start; i < src.t.length; i++) {
    const ti = src.t[i]!;
    if (ti > at - HORIZON_MS) {
      t.push(ti);
      v.push(src.v[i] ?? '');
    }
  }
  let k = t.length;
  while (k > 0 && t[k - 1]! > at) k--;
  t.splice(k, 0, at);
  v.splice(k, 0, counterpart);
  return { t, v };
}

/** Events in (now − windowMs, now]. */
export function countInWindow(a: EntityActivity | undefined, now: number, windowMs: number): number {
  if (a === undefined) return 0;
  let n = 0;
  for (let i = a.t.length - 1; i >= 0; i--) {
    const ti = a.t[i]!;
    if (ti > now) continue;
    if (ti <= now - windowMs) break;
    n++;
  }
  return n;
}

/** Distinct counterparts in (now − windowMs, now], counting `extra` as if it were one more event. */
export function distinctInWindow(a: EntityActivity | undefined, now: number, windowMs: number, extra?: string): number {
  const seen = new Set<string>();
  if (extra !== undefined) seen.add(extra);
  if (a !== undefined) {
    for (let i = a.t.length - 1; i >= 0; i--) {
      const ti = a.t[i]!;
      if (ti > now) continue;
      if (ti <= now - windowMs) break;
      seen.add(a.v[i]!);
    }
  }
  return seen.size;
}

/** Whether `counterpart` appears anywhere in the record. */
export function hasCounterpart(a: EntityActivity | undefined, counterpart: string): boolean {
  return a !== undefined && a.v.includes(counterpart);
}
