import { stableHash32 } from './prng.js';
import type { RoutingRequest } from './types.js';

/**
 * Static routing rules as data, evaluated before any learning (DESIGN.md §5): merchant pins,
 * exclusions, volume splits and contract minimums. Rules are checked in order; the first pin,
 * split or minimum that matches decides the head of the list, exclusions always accumulate.
 */
export type RuleMatch = {
  readonly merchant_id?: string;
  readonly method?: string;
  readonly currency?: string;
  readonly brand?: string;
  readonly min_amount?: number;
  readonly max_amount?: number;
};

export type RoutingRule =
  | { readonly kind: 'pin'; readonly id: string; readonly when: RuleMatch; readonly processor: string }
  | { readonly kind: 'exclude'; readonly id: string; readonly when: RuleMatch; readonly processor: string }
  /** Deterministic split by a hash of the payment id, so a retried payment lands in the same bucket. */
  | { readonly kind: 'split'; readonly id: string; readonly when: RuleMatch; readonly weights: readonly { readonly processor: string; readonly weight: number }[] }
  /** Put `processor` first while its share of routed volume is below `min_share_bps`. */
  | { readonly kind: 'minimum'; readonly id: string; readonly when: RuleMatch; readonly processor: string; readonly min_share_bps: number };

export type RuleOutcome = {
  /** Processor to put first, if a rule says so. */
  readonly head: string | null;
  readonly excluded: readonly string[];
  /** Ids of the rules that acted, for the decision's reason. */
  readonly applied: readonly string[];
};

export function matches(when: RuleMatch, req: RoutingRequest): boolean {
  return (
    (when.merchant_id === undefined || when.merchant_id === req.merchant_id) &&
    (when.method === undefined || when.method === req.method) &&
    (when.currency === undefined || when.currency === req.currency) &&
    (when.brand === undefined || when.brand === req.brand?.toLowerCase()) &&
    (when.min_amount === undefined || req.amount >= when.min_amount) &&
    (when.max_amount === undefined || req.amount < when.max_amount)
  );
}

/**
 * Evaluates the rules for a request. `eligible` are the processors that can take the payment at
 * all (method, currency); a rule naming anything else is ignored rather than producing an
 * impossible route. `volumeShareBps` gives each processor's recent share of routed amount.
 */
export function evaluateRules(
  rules: readonly RoutingRule[],
  req: RoutingRequest,
  eligible: readonly string[],
  volumeShareBps: Readonly<Record<string, number>>,
): RuleOutcome {
  const excluded = new Set<string>();
  const applied: string[] = [];
  for (const r of rules) {
    if (r.kind === 'exclude' && matches(r.when, req) && eligible.includes(r.processor)) {
      excluded.add(r.processor);
      applied.push(r.id);
    }
  }
  const ok = (p: string): boolean => eligible.includes(p) && !excluded.has(p);
  for (const r of rules) {
    if (!matches(r.when, req)) continue;
    switch (r.kind) {
      case 'exclude':
        break;
      case 'pin':
        if (ok(r.processor)) return { head: r.processor, excluded: [...excluded], applied: [...applied, r.id] };
        break;
      case 'minimum':
        if (ok(r.processor) && (volumeShareBps[r.processor] ?? 0) < r.min_share_bps) {
          return { head: r.processor, excluded: [...excluded], applied: [...applied, r.id] };
        }
        break;
      case 'split': {
        const head = pickSplit(r.weights.filter((w) => ok(w.processor) && w.weight > 0), req.payment_id);
        if (head !== null) return { head, excluded: [...excluded], applied: [...applied, r.id] };
        break;
      }
      default:
        return assertNever(r);
    }
  }
  return { head: null, excluded: [...excluded], applied };
}

function pickSplit(weights: readonly { readonly processor: string; readonly weight: number }[], paymentId: string): string | null {
  const total = weights.reduce((a, w) => a + w.weight, 0);
  if (total <= 0) return null;
  let bucket = (stableHash32(paymentId) / 4294967296) * total;
  for (const w of weights) {
    if (bucket < w.weight) return w.processor;
    bucket -= w.weight;
  }
  return weights[weights.length - 1]!.processor;
}

function assertNever(x: never): never {
  throw new Error(`unhandled routing rule: ${JSON.stringify(x)}`);
}
