import { listQuerySchema } from '../../contracts/api/common.js';
import type { EventDetail } from '../../contracts/events.js';
import { notFound } from '../../core/errors.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { eventLog } from '../root.js';

const view = (d: EventDetail) => ({ id: d.id, object: 'event' as const, type: d.type, created: d.created, data: d.data });

export const handler = httpApi({
  'GET /v1/events': async (req) => {
    const q = parseWith(listQuerySchema, req.query);
    const r = await eventLog().list(actingMerchant(req), { limit: q.limit, startingAfter: q.starting_after });
    return json(200, { object: 'list', data: r.data.map(view), has_more: r.hasMore });
  },
  'GET /v1/events/{id}': async (req) => {
    const d = await eventLog().get(actingMerchant(req), req.params['id'] ?? '');
    if (!d) throw notFound('event');
    return json(200, view(d));
  },
});
