import { paymentMethodView, tokenizeCard } from '../../app/payment-methods.js';
import { createPaymentMethodRequest } from '../../contracts/api/payment-methods.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, idempotencyStore, ids, paymentMethodStore, vault } from '../root.js';

export const handler = httpApi(
  {
    'POST /v1/payment_methods': async (req) => {
      const input = parseWith(createPaymentMethodRequest, req.body ?? {});
      const pm = await tokenizeCard(actingMerchant(req), input, { paymentMethods: paymentMethodStore(), vault: vault(), clock, ids });
      return json(201, paymentMethodView(pm));
    },
  },
  [idempotency(idempotencyStore)],
);
