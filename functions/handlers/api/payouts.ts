import { controlPayoutBatch } from '../../app/payouts/control.js';
import { createPayoutBatch } from '../../app/payouts/create-batch.js';
import { createPayoutBatchRequest, payoutControlRequest, payoutItemsQuery } from '../../contracts/api/payouts.js';
import { notFound } from '../../core/errors.js';
import { batchView, itemView, reportRow, REPORT_HEADER, type PayoutControl } from '../../core/payouts/index.js';
import { actingMerchant, httpApi, type RouteHandler } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { idempotencyStore } from '../root.js';
import { payoutApiDeps, payoutStore } from '../root-payouts.js';

const batchOf = async (merchantId: string, id: string) => {
  const b = await payoutStore().getBatch(id, merchantId);
  if (!b) throw notFound('payout batch');
  return b;
};

const control = (action: PayoutControl): RouteHandler => async (req) => {
  parseWith(payoutControlRequest, req.body ?? {});
  return json(200, batchView(await controlPayoutBatch(actingMerchant(req), req.params['id'] ?? '', action, payoutApiDeps())));
};

export const handler = httpApi(
  {
    'POST /v1/payouts/batches': async (req) => {
      const input = parseWith(createPayoutBatchRequest, req.body ?? {});
      const batch = await createPayoutBatch(actingMerchant(req), req.headers['idempotency-key']!, {
        items: input.items, ...(input.scheduled_for ? { scheduledFor: new Date(input.scheduled_for) } : {}),
      }, payoutApiDeps());
      return json(202, batchView(batch));
    },
    'GET /v1/payouts/batches/{id}': async (req) => json(200, batchView(await batchOf(actingMerchant(req), req.params['id'] ?? ''))),
    'GET /v1/payouts/batches/{id}/items': async (req) => {
      const q = parseWith(payoutItemsQuery, req.query);
      const b = await batchOf(actingMerchant(req), req.params['id'] ?? '');
      const page = await payoutStore().listItems(b.id, { limit: q.limit, ...(q.starting_after ? { startingAfter: q.starting_after } : {}) });
      return json(200, { object: 'list', data: page.items.map(itemView), has_more: page.hasMore });
    },
    'GET /v1/payouts/batches/{id}/report.csv': async (req) => {
      const b = await batchOf(actingMerchant(req), req.params['id'] ?? '');
      const lines = [REPORT_HEADER.join(',')];
      for await (const i of payoutStore().allItems(b.id)) lines.push(reportRow(i));
      return { statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${b.id}.csv"` }, body: `${lines.join('\r\n')}\r\n` };
    },
    'POST /v1/payouts/batches/{id}/pause': control('pause'),
    'POST /v1/payouts/batches/{id}/resume': control('resume'),
    'POST /v1/payouts/batches/{id}/cancel': control('cancel'),
  },
  [idempotency(idempotencyStore)],
);
