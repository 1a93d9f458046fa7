import { createTrigger, disableTrigger } from '../../app/triggers/triggers.js';
import { evaluateTriggers } from '../../app/triggers/evaluate.js';
import { createTriggerRequest, disableTriggerRequest, merchantEventRequest } from '../../contracts/api/triggers.js';
import { merchantBusEvent, merchantEventId, triggerView } from '../../core/triggers/index.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, idempotencyStore } from '../root.js';
import { evaluateDeps, triggerDeps, triggerStore } from '../root-billing.js';

export const handler = httpApi(
  {
    'POST /v1/triggers': async (req) => {
      const input = parseWith(createTriggerRequest, req.body ?? {});
      return json(201, triggerView(await createTrigger(actingMerchant(req), req.headers['idempotency-key'], input, triggerDeps())));
    },
    'GET /v1/triggers': async (req) => json(200, { object: 'list', data: (await triggerStore().list(actingMerchant(req))).map(triggerView), has_more: false }),
    'POST /v1/triggers/{id}/disable': async (req) => {
      parseWith(disableTriggerRequest, req.body ?? {});
      return json(200, triggerView(await disableTrigger(actingMerchant(req), req.params['id'] ?? '', triggerDeps())));
    },
    // The event is evaluated before answering, so the caller sees what fired; its id comes from
    // the Idempotency-Key, so a re-post (even after a 5xx) fires nothing twice.
    'POST /v1/events': async (req) => {
      const input = parseWith(merchantEventRequest, req.body ?? {});
      const merchantId = actingMerchant(req);
      const event = merchantBusEvent({ id: merchantEventId(merchantId, req.headers['idempotency-key']!), merchantId, type: input.type, data: input.data, at: clock.now() });
      const firings = await evaluateTriggers(merchantId, event, evaluateDeps());
      return json(200, { id: event.id, object: 'merchant_event', type: input.type, firings: firings.map((f) => ({ trigger_id: f.trigger_id, action: f.action, result: f.result })) });
    },
  },
  [idempotency(idempotencyStore)],
);
