import { cancelSubscription, createSubscription, getSubscription, subscriptionCustomer } from '../../app/billing/subscriptions.js';
import { cancelSubscriptionRequest, createSubscriptionRequest } from '../../contracts/api/subscriptions.js';
import { invoiceHtml, invoicePdf, invoiceView, subscriptionView } from '../../core/billing/index.js';
import { notFound } from '../../core/errors.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, idempotencyStore, vault } from '../root.js';
import { billingDeps, subscriptionStore } from '../root-billing.js';

const view = async (s: Parameters<typeof subscriptionView>[0]) => subscriptionView(s, clock.now(), await subscriptionCustomer(s, vault()));

export const handler = httpApi(
  {
    'POST /v1/subscriptions': async (req) => {
      const input = parseWith(createSubscriptionRequest, req.body ?? {});
      const { start_at, customer, ...rest } = input;
      const s = await createSubscription(actingMerchant(req), req.headers['idempotency-key']!, { ...rest, ...(start_at ? { start_at } : {}), ...(customer ? { customer } : {}) }, billingDeps());
      return json(201, await view(s));
    },
    'GET /v1/subscriptions/{id}': async (req) => json(200, await view(await getSubscription(actingMerchant(req), req.params['id'] ?? '', { subscriptions: subscriptionStore() }))),
    'POST /v1/subscriptions/{id}/cancel': async (req) => {
      parseWith(cancelSubscriptionRequest, req.body ?? {});
      return json(200, await view(await cancelSubscription(actingMerchant(req), req.params['id'] ?? '', { subscriptions: subscriptionStore(), clock })));
    },
    // One route serves `in_…`, `in_….html` and `in_….pdf`: the format is the id's suffix.
    'GET /v1/invoices/{id}': async (req) => {
      const [, id = '', format = 'json'] = /^(.+?)(?:\.(html|pdf))?$/.exec(req.params['id'] ?? '') ?? [];
      const inv = await subscriptionStore().getInvoice(actingMerchant(req), id);
      if (!inv) throw notFound('invoice');
      if (format === 'html') return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" }, body: invoiceHtml(inv) };
      if (format === 'pdf') {
        return { statusCode: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${inv.number}.pdf"` }, body: Buffer.from(invoicePdf(inv), 'latin1').toString('base64'), isBase64Encoded: true };
      }
      return json(200, invoiceView(inv));
    },
  },
  [idempotency(idempotencyStore)],
);
