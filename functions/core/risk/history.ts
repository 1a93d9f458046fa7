import { updateProfile } from './agent-profile.js';
import { touchActivity } from './entity-activity.js';
import { payeeOf, type RiskSnapshot } from './features.js';
import type { RiskRequest } from './types.js';

/**
 * The snapshot after a payment: each entity record of the request with this payment appended.
 * Callers persist the records under {@link entityKeys}; the function touches nothing else.
 */
export function recordPayment(s: RiskSnapshot, r: RiskRequest, at: number): RiskSnapshot {
  const card = r.card_fingerprint ?? '-';
  return {
    ...s,
    agent: updateProfile(s.agent, {
      at, amount: r.amount, payee: payeeOf(r),
      ...(r.device_id !== undefined ? { device_id: r.device_id } : {}),
      ...(r.ip !== undefined ? { ip: r.ip } : {}),
      ...(r.country !== undefined ? { country: r.country } : {}),
    }),
    ...(r.card_fingerprint !== undefined ? { card: touchActivity(s.card, at, r.agent_id) } : {}),
    ...(r.device_id !== undefined ? { device: touchActivity(s.device, at, card) } : {}),
    ...(r.ip !== undefined ? { ip: touchActivity(s.ip, at, card) } : {}),
    ...(r.pix_key !== undefined ? { pix_key: touchActivity(s.pix_key, at, r.agent_id) } : {}),
  };
}
