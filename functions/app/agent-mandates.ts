/**
 * Agents and their mandates (API.md "Agents and mandates"): a merchant registers an agent (with
 * the public key of the principal who may sign open mandates for it), gives it mandates — each
 * with its own agent key, shown once — and revokes them (mandate and key together).
 */
import { hashApiKey, keyHint, newApiKey } from '../core/api-keys.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { periodKey, type Mandate } from '../core/mandates/index.js';
import { trustScore } from '../core/risk/trust.js';
import type { CreateAgentRequest, CreateMandateRequest } from '../contracts/api/mandates.js';
import type { AgentRecord, AgentStore } from './ports/agent-store.js';
import type { Clock, Ids } from './ports/system.js';

export interface AgentDeps {
  readonly agents: AgentStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly mode: 'test' | 'live';
}

export async function createAgent(merchantId: string, input: CreateAgentRequest, deps: AgentDeps): Promise<AgentRecord> {
  const agent: AgentRecord = {
    id: deps.ids.random('agt'), merchant_id: merchantId, name: input.name, created: deps.clock.now().toISOString(),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.principal_public_key ? { principal_jwk: input.principal_public_key } : {}),
  };
  await deps.agents.createAgent(agent);
  return agent;
}

export async function getAgent(agents: AgentStore, merchantId: string, id: string): Promise<AgentRecord> {
  const a = await agents.getAgent(merchantId, id);
  if (!a) throw notFound('agent');
  return a;
}

export function agentView(a: AgentRecord, now: Date) {
  return {
    id: a.id, object: 'agent' as const, name: a.name, ...(a.description !== undefined ? { description: a.description } : {}),
    // Three decimals: the score is a posterior mean, not a precise quantity.
    trust_score: Math.round(trustScore(a.trust, now.getTime()) * 1000) / 1000,
    ...(a.principal_jwk ? { principal_public_key: a.principal_jwk as never } : {}),
    created: a.created,
  };
}

export async function createMandate(merchantId: string, agentId: string, input: CreateMandateRequest, deps: AgentDeps): Promise<{ mandate: Mandate; agentKey: string }> {
  await getAgent(deps.agents, merchantId, agentId);
  const now = deps.clock.now();
  if (Date.parse(input.expires_at) <= now.getTime()) throw invalid('expires_at must be in the future', 'expires_at');
  if (input.max_amount_per_payment > input.budget.amount) throw invalid('max_amount_per_payment cannot exceed the budget', 'max_amount_per_payment');
  const agentKey = newApiKey('agent', deps.mode, deps.ids.bytes(32));
  const mandate: Mandate = {
    id: deps.ids.random('mdt'), kind: 'stored', agent_id: agentId, merchant_id: merchantId, currency: input.currency,
    max_amount_per_payment: input.max_amount_per_payment, budget: input.budget, allowed_payment_methods: input.allowed_payment_methods,
    ...(input.allowed_merchant_categories ? { allowed_merchant_categories: input.allowed_merchant_categories } : {}),
    ...(input.requires_approval_above !== undefined ? { requires_approval_above: input.requires_approval_above } : {}),
    expires_at: new Date(Date.parse(input.expires_at)).toISOString(), status: 'active', created: now.toISOString(), key_hash: hashApiKey(agentKey),
  };
  const key = { hash: mandate.key_hash!, keyId: deps.ids.random('key'), kind: 'agent' as const, merchantId, agentId, mandateId: mandate.id, status: 'active' as const, hint: keyHint(agentKey), created: mandate.created };
  await deps.agents.createMandate(mandate, key);
  return { mandate, agentKey };
}

/** A mandate of this merchant; an agent key sees only its own mandate. */
export async function getMandate(agents: AgentStore, merchantId: string, id: string, agentId?: string): Promise<Mandate> {
  const m = await agents.getMandate(id);
  if (!m || m.merchant_id !== merchantId || (agentId !== undefined && m.agent_id !== agentId)) throw notFound('mandate');
  return m;
}

export async function mandateView(agents: AgentStore, m: Mandate, now: Date, agentKey?: string) {
  const use = agentKey ? { spent: 0, reserved: 0 } : await agents.usage(m.id, periodKey(m.budget.period, now));
  return {
    id: m.id, object: 'mandate' as const, agent_id: m.agent_id, status: m.status, currency: m.currency,
    max_amount_per_payment: m.max_amount_per_payment, budget: m.budget, allowed_payment_methods: [...m.allowed_payment_methods],
    ...(m.allowed_merchant_categories ? { allowed_merchant_categories: [...m.allowed_merchant_categories] } : {}),
    ...(m.requires_approval_above !== undefined ? { requires_approval_above: m.requires_approval_above } : {}),
    expires_at: m.expires_at, spent: use.spent, reserved: use.reserved, ...(agentKey ? { agent_key: agentKey } : {}), created: m.created,
  };
}

export async function revokeMandate(agents: AgentStore, merchantId: string, id: string, now: Date): Promise<Mandate> {
  const m = await getMandate(agents, merchantId, id);
  if (m.kind !== 'stored') throw new AppError('invalid_state', 'Open mandates end at their exp; they cannot be revoked here');
  await agents.revokeMandate(id, now);
  return { ...m, status: 'revoked' };
}
