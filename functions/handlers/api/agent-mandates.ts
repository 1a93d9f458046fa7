import { agentView, createAgent, createMandate, getAgent, getMandate, mandateView, revokeMandate } from '../../app/agent-mandates.js';
import { createAgentRequest, createMandateRequest } from '../../contracts/api/mandates.js';
import { AppError } from '../../core/errors.js';
import { actingMerchant, httpApi, type RouteRequest } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, ids, idempotencyStore, keyMode } from '../root.js';
import { agentStore } from '../root-mandates.js';

const id = (req: RouteRequest) => req.params['id'] ?? '';
/** An agent key sees only its own agent (anything else is unknown to it). */
const ownAgent = (req: RouteRequest) => (req.principal?.kind === 'agent' ? req.principal.agentId : undefined);
const deps = () => ({ agents: agentStore(), clock, ids, mode: keyMode() });

export const handler = httpApi(
  {
    'POST /v1/agents': async (req) => json(201, agentView(await createAgent(actingMerchant(req), parseWith(createAgentRequest, req.body ?? {}), deps()), clock.now())),
    'GET /v1/agents/{id}': async (req) => {
      if (ownAgent(req) !== undefined && ownAgent(req) !== id(req)) throw new AppError('not_found', 'No such agent');
      return json(200, agentView(await getAgent(agentStore(), actingMerchant(req), id(req)), clock.now()));
    },
    'POST /v1/agents/{id}/mandates': async (req) => {
      const { mandate, agentKey } = await createMandate(actingMerchant(req), id(req), parseWith(createMandateRequest, req.body ?? {}), deps());
      return json(201, await mandateView(agentStore(), mandate, clock.now(), agentKey));
    },
    'GET /v1/mandates/{id}': async (req) => json(200, await mandateView(agentStore(), await getMandate(agentStore(), actingMerchant(req), id(req), ownAgent(req)), clock.now())),
    'POST /v1/mandates/{id}/revoke': async (req) => json(200, await mandateView(agentStore(), await revokeMandate(agentStore(), actingMerchant(req), id(req), clock.now()), clock.now())),
  },
  [idempotency(idempotencyStore)],
);
