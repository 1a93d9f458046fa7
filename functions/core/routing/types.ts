/**
 * Routing vocabulary shared by the routing core, the saga's Route step and the simulation lab.
 * Shapes mirror API.md `decision.routing` exactly; money is integer minor units.
 */

/** A processor's price: `percent_bps` basis points of the amount plus `fixed` minor units per attempt. */
export type FeeSchedule = { readonly percent_bps: number; readonly fixed: number };

/** What routing needs to know about one processor (static configuration, not learnt state). */
export type ProcessorProfile = {
  readonly id: string;
  readonly methods: readonly string[];
  readonly currencies: readonly string[];
  readonly fee: FeeSchedule;
};

/** The facts about a payment that routing may use. No PAN: at most a BIN prefix. */
export type RoutingRequest = {
  readonly payment_id: string;
  readonly merchant_id: string;
  readonly amount: number;
  readonly currency: string;
  readonly method: string;
  readonly brand?: string;
  /** First 6–8 digits, used as a segment when the brand is unknown. */
  readonly bin?: string;
  /**
   * What one successful payment is worth to the merchant, in minor units. Defaults to `amount`
   * (a failed payment loses the whole sale), which makes success dominate fees unless two
   * processors are close — the trade-off the utility is meant to express.
   */
  readonly margin?: number;
};

/** One entry of `decision.routing.ranked` (API.md). */
export type RankedCandidate = {
  readonly processor: string;
  /** Posterior mean success probability of the segment, in [0, 1]. */
  readonly expected_success: number;
  /** Expected fee in integer minor units: fixed + E[success] × percent fee, rounded. */
  readonly expected_cost: number;
  /** The Thompson-sampled utility the list is sorted by (minor units). */
  readonly score: number;
};

/** `decision.routing` (API.md). `chosen` is null only when no processor is eligible. */
export type RoutingDecision = {
  readonly chosen: string | null;
  readonly ranked: readonly RankedCandidate[];
  readonly reason: string;
};

/** An injected uniform PRNG on [0, 1). */
export type Rng = () => number;
