import { checkWebhookUrl, createEndpoint, deliveryView, endpointView } from '../../app/webhooks.js';
import { createWebhookEndpointRequest } from '../../contracts/api/webhook-endpoints.js';
import { notFound } from '../../core/errors.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { cfg, idempotencyStore, webhookDeps } from '../root.js';

export const handler = httpApi(
  {
    'POST /v1/webhook_endpoints': async (req) => {
      const input = parseWith(createWebhookEndpointRequest, req.body ?? {});
      checkWebhookUrl(input.url, cfg().AGENTPAY_MODE === 'local');
      const { endpoint, secret } = await createEndpoint(actingMerchant(req), input, webhookDeps());
      return json(201, endpointView(endpoint, secret));
    },
    'GET /v1/webhook_endpoints': async (req) => {
      const eps = await webhookDeps().webhooks.listEndpoints(actingMerchant(req));
      return json(200, { object: 'list', data: eps.map((e) => endpointView(e)), has_more: false });
    },
    'GET /v1/webhook_endpoints/{id}/deliveries': async (req) => {
      const merchant = actingMerchant(req);
      const ep = await webhookDeps().webhooks.getEndpoint(merchant, req.params['id'] ?? '');
      if (!ep) throw notFound('webhook endpoint');
      const ds = await webhookDeps().webhooks.listDeliveries(merchant, ep.id, 100);
      return json(200, { object: 'list', data: ds.map(deliveryView), has_more: ds.length === 100 });
    },
  },
  [idempotency(idempotencyStore)],
);
