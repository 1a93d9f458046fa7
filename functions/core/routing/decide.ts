import { sampleBeta } from './beta-sampler.js';
import { breakerStatus, CLOSED_BREAKER, type BreakerStatus } from './circuit-breaker.js';
import { expectedFee, percentPart } from './fees.js';
import { segmentPosterior } from './posterior.js';
import { evaluateRules, type RoutingRule } from './rules.js';
import { segmentKeys } from './segments.js';
import { DEFAULT_ROUTING_CONFIG, volumeShareBps, type RoutingConfig, type RoutingState } from './state.js';
import type { ProcessorProfile, RankedCandidate, Rng, RoutingDecision, RoutingRequest } from './types.js';

export type RouteInput = {
  readonly request: RoutingRequest;
  readonly processors: readonly ProcessorProfile[];
  readonly rules?: readonly RoutingRule[];
  readonly state: RoutingState;
  /** Epoch ms from the caller's clock. */
  readonly now: number;
  readonly rng: Rng;
  readonly config?: RoutingConfig;
};

type Scored = RankedCandidate & { readonly status: BreakerStatus };

/**
 * Ranks the processors that can take a payment: rules first (exclusions, then a pin, split or
 * contract minimum picks the head), then Thompson sampling of each segment's Beta posterior with
 * utility `θ × margin − (fixed + θ × percent fee)`. Processors with an open breaker go last (they
 * remain in the list as a last resort for the cascade); a pinned processor with an open breaker
 * loses its pin. The result is `decision.routing` of API.md.
 */
export function decideRoute(input: RouteInput): RoutingDecision {
  const cfg = input.config ?? DEFAULT_ROUTING_CONFIG;
  const { request: req, state, now, rng } = input;
  const eligible = input.processors.filter((p) => p.methods.includes(req.method) && p.currencies.includes(req.currency));
  if (eligible.length === 0) return { chosen: null, ranked: [], reason: `no processor accepts ${req.method}/${req.currency}` };
  const rules = input.rules ?? [];
  const ruled = rules.length === 0
    ? { head: null, excluded: [] as string[], applied: [] as string[] }
    : evaluateRules(rules, req, eligible.map((p) => p.id), volumeShareBps(state, now, cfg));
  const candidates = eligible.filter((p) => !ruled.excluded.includes(p.id));
  if (candidates.length === 0) return { chosen: null, ranked: [], reason: `all processors excluded by rules ${ruled.applied.join(', ')}` };

  const margin = req.margin ?? req.amount;
  let finest = 0;
  const scored: Scored[] = candidates.map((p) => {
    const post = segmentPosterior(state, segmentKeys(p.id, req), now, cfg);
    finest = Math.max(finest, post.level);
    const theta = sampleBeta(post.alpha, post.beta, rng);
    const pct = percentPart(req.amount, p.fee.percent_bps);
    return {
      processor: p.id,
      expected_success: round(post.mean, 4),
      expected_cost: expectedFee(req.amount, p.fee, post.mean),
      score: round(theta * margin - (p.fee.fixed + theta * pct), 3),
      status: breakerStatus(state.breakers[p.id] ?? CLOSED_BREAKER, now, cfg.breaker),
    };
  });

  const headOk = ruled.head !== null && scored.some((s) => s.processor === ruled.head && s.status !== 'open');
  const rank = (s: Scored): number => (headOk && s.processor === ruled.head ? 0 : s.status === 'open' ? 2 : 1);
  scored.sort((a, b) => rank(a) - rank(b) || b.score - a.score || (a.processor < b.processor ? -1 : 1));

  const open = scored.filter((s) => s.status === 'open').map((s) => s.processor);
  const halfOpen = scored.filter((s) => s.status === 'half_open').map((s) => s.processor);
  const parts: string[] = [];
  if (headOk) parts.push(`rule ${ruled.applied[ruled.applied.length - 1]} put ${ruled.head} first`);
  else if (ruled.head !== null) parts.push(`rule target ${ruled.head} skipped: breaker open`);
  if (ruled.excluded.length > 0) parts.push(`excluded ${ruled.excluded.join(', ')}`);
  parts.push(`thompson sampling over ${scored.length} candidate(s), finest segment level ${finest}`);
  if (open.length > 0) parts.push(`breaker open: ${open.join(', ')}`);
  if (halfOpen.length > 0) parts.push(`half-open probe allowed: ${halfOpen.join(', ')}`);
  const ranked: RankedCandidate[] = scored.map(({ processor, expected_success, expected_cost, score }) => ({ processor, expected_success, expected_cost, score }));
  return { chosen: ranked[0]!.processor, ranked, reason: parts.join('; ') };
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
