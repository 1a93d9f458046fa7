/**
 * Structuring ("smurfing"): splitting a sum into many payments just under a reporting or
 * approval limit (COAF communication thresholds in Brazil, the US $10,000 CTR, a mandate's
 * `requires_approval_above`). Flags `min_count` or more payments in [near_fraction × limit, limit)
 * within `window_ms` whose total exceeds the limit.
 */
export type StructuringConfig = {
  readonly limit: number;
  readonly near_fraction: number;
  readonly window_ms: number;
  readonly min_count: number;
};

export const DEFAULT_STRUCTURING: Omit<StructuringConfig, 'limit'> = Object.freeze({
  near_fraction: 0.9,
  window_ms: 24 * 3_600_000,
  min_count: 3,
});

export type StructuringResult = { readonly detected: boolean; readonly near_limit_count: number; readonly near_limit_total: number };

export function isNearLimit(amount: number, cfg: Pick<StructuringConfig, 'limit' | 'near_fraction'>): boolean {
  return amount < cfg.limit && amount >= Math.ceil(cfg.limit * cfg.near_fraction);
}

/** Looks at `recent` plus the current payment. */
export function detectStructuring(
  recent: readonly { readonly at: number; readonly amount: number }[],
  current: { readonly at: number; readonly amount: number },
  cfg: StructuringConfig,
): StructuringResult {
  let count = 0;
  let total = 0;
  for (const p of [...recent, current]) {
    if (p.at > current.at - cfg.window_ms && p.at <= current.at && isNearLimit(p.amount, cfg)) {
      count++;
      total += p.amount;
    }
  }
  return { detected: count >= cfg.min_count && total > cfg.limit, near_limit_count: count, near_limit_total: total };
}
