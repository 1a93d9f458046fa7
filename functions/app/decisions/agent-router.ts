/**
 * The routing agent behind the saga's `Router` port: learnt state (decayed success counts per
 * segment, circuit breakers) from the RoutingStateStore, ranked by the pure `decideRoute`. The
 * state is read with one GetItem and kept in memory for `cacheMs`, so a warm function routes
 * most payments without touching DynamoDB; the price is acting on outcomes a few seconds late,
 * which the cascade covers (a failing processor is retried elsewhere within the payment).
 */
import { createPrng, decideRoute, type ProcessorProfile, type RoutingConfig, type RoutingRequest, type RoutingRule, type RoutingState } from '../../core/routing/index.js';
import type { Payment, RoutingDecision } from '../../core/payments/index.js';
import type { Router } from '../ports/decisions.js';
import type { RoutingStateStore } from '../ports/routing-state.js';

export interface AgentRouterOptions {
  readonly processors: readonly ProcessorProfile[];
  readonly rules?: readonly RoutingRule[];
  readonly config?: RoutingConfig;
  /** How long a loaded state is reused (ms of the injected clock). Default 3 000. */
  readonly cacheMs?: number;
}

/** The scope a payment's state lives under: one learnt state per merchant and payment method. */
export const routingScope = (method: string): string => method;

/** 32-bit FNV-1a: the PRNG seed from the payment id, so a decision can be replayed exactly. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function routingRequestOf(p: Payment): RoutingRequest {
  const card = p.payment_method.type === 'card' ? p.payment_method : undefined;
  return {
    payment_id: p.id, merchant_id: p.merchant_id, amount: p.amount, currency: p.currency, method: p.payment_method.type,
    ...(card ? { brand: card.brand, bin: card.bin } : {}),
  };
}

export class AgentRouter implements Router {
  private readonly cache = new Map<string, { state: RoutingState; at: number }>();

  constructor(private readonly store: RoutingStateStore, private readonly opts: AgentRouterOptions) {}

  async rank(p: Payment, signals: { readonly now: Date }): Promise<RoutingDecision> {
    const now = signals.now.getTime();
    const request = routingRequestOf(p);
    const state = await this.stateFor(p.merchant_id, routingScope(request.method), now);
    const d = decideRoute({
      request, processors: this.opts.processors, state, now, rng: createPrng(seedOf(p.id)),
      ...(this.opts.rules ? { rules: this.opts.rules } : {}), ...(this.opts.config ? { config: this.opts.config } : {}),
    });
    return { chosen: d.chosen ?? 'none', ranked: d.ranked, reason: d.reason };
  }

  private async stateFor(merchantId: string, scope: string, now: number): Promise<RoutingState> {
    const k = `${merchantId}#${scope}`;
    const hit = this.cache.get(k);
    if (hit && now - hit.at >= 0 && now - hit.at < (this.opts.cacheMs ?? 3_000)) return hit.state;
    const { state } = await this.store.load(merchantId, scope);
    this.cache.set(k, { state, at: now });
    return state;
  }
}
