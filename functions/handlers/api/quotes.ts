import { createQuote, quoteView } from '../../app/quotes.js';
import { createQuoteRequest } from '../../contracts/api/quotes.js';
import { notFound } from '../../core/errors.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { idempotencyStore } from '../root.js';
import { quoteDeps, quoteStore } from '../root-mandates.js';

export const handler = httpApi(
  {
    'POST /v1/quotes': async (req) => {
      const input = parseWith(createQuoteRequest, req.body ?? {});
      const agentId = req.principal?.kind === 'agent' ? req.principal.agentId : undefined;
      return json(201, quoteView(await createQuote(actingMerchant(req), input, quoteDeps(), agentId)));
    },
    'GET /v1/quotes/{id}': async (req) => {
      const q = await quoteStore().get(actingMerchant(req), req.params['id'] ?? '');
      if (!q || (req.principal?.kind === 'agent' && q.agent_id !== undefined && q.agent_id !== req.principal.agentId)) throw notFound('quote');
      return json(200, quoteView(q));
    },
  },
  [idempotency(idempotencyStore)],
);
