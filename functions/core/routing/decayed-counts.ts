/**
 * Exponentially decayed success/failure counts.
 *
 * Decay is by elapsed time (a half-life in ms), not by count. With count-based decay a segment
 * only forgets when it gets traffic, so a processor the router stopped choosing keeps its stale
 * (bad) evidence forever and is never re-explored after it recovers. Time decay shrinks every
 * segment's evidence at the same rate whatever its volume: the posterior of a neglected
 * processor widens again and Thompson sampling probes it on its own. The cost is that a quiet
 * segment forgets even when nothing changed, which the hierarchical back-off absorbs.
 *
 * Counts are stored as of `at` (epoch ms); reading or updating at a later time applies the decay
 * first. Plain JSON, so it persists as-is.
 */
export type DecayedCounts = { readonly s: number; readonly f: number; readonly at: number };

export const EMPTY_COUNTS: DecayedCounts = Object.freeze({ s: 0, f: 0, at: 0 });

/** The decay factor 2^(−Δt / half-life); time never runs backwards (Δt < 0 counts as 0). */
export function decayFactor(fromMs: number, toMs: number, halfLifeMs: number): number {
  const dt = toMs - fromMs;
  return dt <= 0 ? 1 : Math.pow(2, -dt / halfLifeMs);
}

/** The counts as seen at `now`. */
export function countsAt(c: DecayedCounts, now: number, halfLifeMs: number): { s: number; f: number } {
  const k = decayFactor(c.at, now, halfLifeMs);
  return { s: c.s * k, f: c.f * k };
}

/** Adds one outcome at `now`; returns a new object. */
export function addOutcome(c: DecayedCounts, success: boolean, now: number, halfLifeMs: number): DecayedCounts {
  const at = Math.max(now, c.at);
  const { s, f } = countsAt(c, at, halfLifeMs);
  return success ? { s: s + 1, f, at } : { s, f: f + 1, at };
}
