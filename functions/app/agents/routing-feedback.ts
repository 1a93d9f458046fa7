/**
 * The routing agent's learning half: each `payment.attempt.completed` event becomes one
 * `recordOutcome` on the merchant's routing state (success model and circuit breaker together),
 * written conditionally on the version read and re-applied on a conflict. Redelivered events are
 * recognised by id (EventBridge delivers at least once) and change nothing.
 */
import type { EventDetail } from '../../contracts/events.js';
import { DEFAULT_ROUTING_CONFIG, recordOutcome, type RoutingConfig, type RoutingOutcome } from '../../core/routing/index.js';
import { routingScope, seedOf } from '../decisions/agent-router.js';
import { RoutingStateConflictError, type RoutingStateStore, type StoredRoutingState } from '../ports/routing-state.js';
import { SerialLanes } from './lanes.js';

/** How many applied event ids the state remembers: more than one burst of redeliveries. */
export const APPLIED_MEMORY = 200;
const MAX_TRIES = 16;

/**
 * Backoff between conflicting writes, jittered by the event id (deterministic, no randomness in the
 * use case) so consumers racing on one merchant's state spread out instead of colliding again.
 */
const backoff = (id: string, attempt: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.min(200, (attempt + 1) * (2 + (seedOf(`${id}:${attempt}`) % 15)))));

type AttemptObject = {
  processor?: unknown; status?: unknown; latency_ms?: unknown; amount?: unknown; currency?: unknown;
  method?: unknown; brand?: unknown; bin?: unknown;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The routing result of an attempt status; `undefined` for statuses that teach nothing (pending). */
export function resultOf(status: string): RoutingOutcome['result'] | undefined {
  switch (status) {
    case 'authorized': case 'captured': case 'voided': return 'approved';
    case 'declined': return 'declined';
    case 'error': case 'timeout': return 'error';
    default: return undefined;
  }
}

/** The outcome an attempt event carries, or `undefined` when it is not one routing learns from. */
export function outcomeOf(detail: EventDetail): RoutingOutcome | undefined {
  const o = detail.data.object as AttemptObject;
  const processor = str(o.processor);
  const result = resultOf(str(o.status) ?? '');
  const method = str(o.method);
  const currency = str(o.currency);
  if (!processor || !result || !method || !currency || typeof o.amount !== 'number') return undefined;
  const brand = str(o.brand);
  const bin = str(o.bin);
  return {
    processor, result, latency_ms: typeof o.latency_ms === 'number' ? o.latency_ms : 0, at: Date.parse(detail.created),
    request: { method, currency, amount: o.amount, ...(brand ? { brand } : {}), ...(bin ? { bin } : {}) },
  };
}

export type FeedbackResult = 'applied' | 'duplicate' | 'ignored';

/**
 * What one process keeps between events (opt-in, the consumer's composition root passes it):
 * events of one merchant and scope applied one after another, and the state this process wrote
 * last, so the next event skips the read. Safe because the write is still conditional on the
 * version: a state another process wrote since is a conflict, answered by reading it.
 */
export interface RoutingFeedbackLocal {
  readonly lanes: SerialLanes;
  readonly written: Map<string, StoredRoutingState>;
}

/** Remembers at most this many merchants' states per process. */
const WRITTEN_MEMORY = 1_000;

export function routingFeedbackLocal(): RoutingFeedbackLocal {
  return { lanes: new SerialLanes(), written: new Map() };
}

export async function applyAttemptOutcome(detail: EventDetail, deps: { store: RoutingStateStore; config?: RoutingConfig; local?: RoutingFeedbackLocal }): Promise<FeedbackResult> {
  const outcome = outcomeOf(detail);
  if (!outcome) return 'ignored';
  const scope = routingScope(outcome.request.method);
  const local = deps.local;
  if (!local) return apply(detail, outcome, scope, deps.store, deps.config);
  const k = `${detail.merchant_id}#${scope}`;
  return local.lanes.run(k, () => apply(detail, outcome, scope, deps.store, deps.config, local, k));
}

async function apply(
  detail: EventDetail, outcome: RoutingOutcome, scope: string, store: RoutingStateStore, config: RoutingConfig | undefined,
  local?: RoutingFeedbackLocal, k?: string,
): Promise<FeedbackResult> {
  for (let i = 0; ; i++) {
    const known = local && k !== undefined ? local.written.get(k) : undefined;
    const cur = known ?? (await store.load(detail.merchant_id, scope));
    if (cur.applied.includes(detail.id)) return 'duplicate';
    const state = recordOutcome(cur.state, outcome, config ?? DEFAULT_ROUTING_CONFIG);
    const next = { state, applied: [...cur.applied, detail.id].slice(-APPLIED_MEMORY) };
    try {
      await store.save(detail.merchant_id, scope, next, cur.version);
      if (local && k !== undefined) {
        local.written.delete(k);
        local.written.set(k, { ...next, version: cur.version + 1 });
        if (local.written.size > WRITTEN_MEMORY) local.written.delete(local.written.keys().next().value!);
      }
      return 'applied';
    } catch (err) {
      if (local && k !== undefined) local.written.delete(k);
      // Another consumer wrote first: re-read and apply this outcome on top of theirs.
      if (!(err instanceof RoutingStateConflictError) || i + 1 >= MAX_TRIES) throw err;
      // A conflict on a remembered state only means another process wrote since: read at once.
      if (!known) await backoff(detail.id, i);
    }
  }
}
