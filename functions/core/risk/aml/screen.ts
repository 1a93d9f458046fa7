import { jaroWinkler } from './jaro-winkler.js';
import { nameTokens } from './normalize.js';
import type { IndexedName, ScreeningIndex } from './sanctions-list.js';

export type ScreeningMatch = { readonly entry_id: string; readonly list: string; readonly matched_name: string; readonly score: number };
export type ScreeningResult = { readonly hit: boolean; readonly matches: readonly ScreeningMatch[] };

/** Default threshold: at 0.90 Jaro–Winkler on token-sorted names, one typo or a transliteration still matches. */
export const DEFAULT_SCREENING_THRESHOLD = 0.9;

/**
 * Similarity of two tokenised names, the better of:
 * - Jaro–Winkler of the token-sorted strings (reordering, small typos);
 * - token-set: each token of the shorter name against its best match in the longer, averaged,
 *   lightly penalised for the tokens it leaves out (a missing middle name still matches).
 */
export function nameSimilarity(a: readonly string[], b: readonly string[], aSorted?: string, bSorted?: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const s1 = jaroWinkler(aSorted ?? [...a].sort().join(' '), bSorted ?? [...b].sort().join(' '));
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let sum = 0;
  for (const t of short) {
    let best = 0;
    for (const u of long) best = Math.max(best, jaroWinkler(t, u));
    sum += best;
  }
  // A single shared token ("Silva") must not match a full name: require two tokens for token-set.
  const s2 = short.length >= 2 ? (sum / short.length) * (0.9 + 0.1 * (short.length / long.length)) : 0;
  return Math.max(s1, s2);
}

/**
 * Screens a name against the index. Candidates are blocked on shared 2-letter token prefixes
 * (cheap, and a typo rarely hits the first two letters of every token), then scored.
 */
export function screenName(index: ScreeningIndex, name: string, threshold: number = DEFAULT_SCREENING_THRESHOLD): ScreeningResult {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return { hit: false, matches: [] };
  const sorted = [...tokens].sort().join(' ');
  const candidates = new Set<number>();
  for (const t of tokens) for (const i of index.byToken.get(t.slice(0, 2)) ?? []) candidates.add(i);
  const best = new Map<string, ScreeningMatch>();
  for (const i of candidates) {
    const n: IndexedName = index.names[i]!;
    const score = nameSimilarity(tokens, n.tokens, sorted, n.sorted);
    if (score < threshold) continue;
    const prev = best.get(n.entry.id);
    if (prev === undefined || prev.score < score) {
      best.set(n.entry.id, { entry_id: n.entry.id, list: n.entry.list, matched_name: n.name, score: Math.round(score * 1000) / 1000 });
    }
  }
  const matches = [...best.values()].sort((x, y) => y.score - x.score || (x.entry_id < y.entry_id ? -1 : 1));
  return { hit: matches.length > 0, matches };
}
