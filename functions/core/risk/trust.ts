/**
 * Agent trust score in [0, 1]: the mean of a Beta(α, β) whose evidence decays toward the prior
 * (half-life `TRUST_HALF_LIFE_MS`), so an agent earns trust by a record of good payments and a
 * single confirmed fraud costs more than one good payment earns.
 */
export type TrustState = { readonly alpha: number; readonly beta: number; readonly at: number };

export type TrustEvent = 'legit' | 'fraud' | 'chargeback' | 'review_approved' | 'review_declined';

export const TRUST_PRIOR = Object.freeze({ alpha: 2, beta: 2 });
export const TRUST_HALF_LIFE_MS = 90 * 24 * 3_600_000;

export function newTrust(at: number): TrustState {
  return { alpha: TRUST_PRIOR.alpha, beta: TRUST_PRIOR.beta, at };
}

function decayed(s: TrustState, now: number): TrustState {
  const k = now > s.at ? Math.pow(2, -(now - s.at) / TRUST_HALF_LIFE_MS) : 1;
  return {
    alpha: TRUST_PRIOR.alpha + (s.alpha - TRUST_PRIOR.alpha) * k,
    beta: TRUST_PRIOR.beta + (s.beta - TRUST_PRIOR.beta) * k,
    at: Math.max(now, s.at),
  };
}

export function trustScore(s: TrustState | undefined, now: number): number {
  if (s === undefined) return TRUST_PRIOR.alpha / (TRUST_PRIOR.alpha + TRUST_PRIOR.beta);
  const d = decayed(s, now);
  return d.alpha / (d.alpha + d.beta);
}

/** `trust' = updateTrust(trust, event, now)`; weights reflect how strong each signal is. */
export function updateTrust(s: TrustState | undefined, event: TrustEvent, now: number): TrustState {
  const d = decayed(s ?? newTrust(now), now);
  switch (event) {
    case 'legit': return { ...d, alpha: d.alpha + 1 };
    case 'review_approved': return { ...d, alpha: d.alpha + 2 };
    case 'review_declined': return { ...d, beta: d.beta + 3 };
    case 'fraud': return { ...d, beta: d.beta + 10 };
    case 'chargeback': return { ...d, beta: d.beta + 10 };
    default: {
      const never: never = event;
      throw new Error(`unknown trust event ${String(never)}`);
    }
  }
}
