/**
 * The cheap mandate checks for an agent paying by Pix (status, expiry, currency, per-payment max,
 * allowed methods, merchant category) — the same rules the card path applies before its saga.
 * The budget itself is reserved atomically by the caller.
 */
import { AppError } from '../../core/errors.js';
import { mandateViolation, needsApproval } from '../../core/mandates/index.js';
import type { AgentStore } from '../ports/agent-store.js';
import type { MerchantStore } from '../ports/merchant-store.js';

export function pixAgentAdmission(deps: { agents: AgentStore; merchants: MerchantStore }) {
  return async (p: { merchantId: string; agentId: string; mandateId: string }, amount: number, now: Date): Promise<void> => {
    const [mandate, merchant] = await Promise.all([deps.agents.getMandate(p.mandateId), deps.merchants.get(p.merchantId)]);
    if (!mandate || mandate.agent_id !== p.agentId) throw new AppError('mandate_violation', 'The agent key has no usable mandate', { param: 'status' });
    const v = mandateViolation(mandate, { amount, currency: 'brl', method: 'pix', merchantId: p.merchantId, merchantMcc: merchant?.mcc, now });
    if (v) throw new AppError('mandate_violation', v.message, { param: v.param });
    // A Pix charge cannot wait for a human approval (the payer pays it whenever): above the
    // mandate's approval threshold an agent must pay another way.
    if (needsApproval(mandate, amount)) throw new AppError('mandate_violation', 'Above the mandate\'s approval threshold an agent cannot open a Pix charge', { param: 'requires_approval_above' });
  };
}
