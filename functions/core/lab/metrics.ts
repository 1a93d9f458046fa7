/** Nearest-rank percentile of a sample (p in [0, 100]); 0 for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * ROC AUC by the Mann–Whitney U statistic with average ranks for ties (a tied pair counts ½).
 * NaN when one class is absent.
 */
export function rocAuc(scores: readonly number[], positives: readonly boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let nPos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (positives[idx[k]!]) { nPos++; rankSumPos += avgRank; }
    i = j + 1;
  }
  const nNeg = idx.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * Best recall at a false-positive rate ≤ `maxFpr`, flagging everything with score ≥ t for the
 * best threshold t. Ties are flagged together (no cherry-picking inside a tie).
 */
export function recallAtFpr(scores: readonly number[], positives: readonly boolean[], maxFpr: number): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const nPos = positives.filter(Boolean).length;
  const nNeg = positives.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  let tp = 0;
  let fp = 0;
  let best = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    for (let k = i; k <= j; k++) if (positives[idx[k]!]) tp++; else fp++;
    if (fp / nNeg > maxFpr) break;
    best = tp / nPos;
    i = j + 1;
  }
  return best;
}
