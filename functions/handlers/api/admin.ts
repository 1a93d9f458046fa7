import { createMerchant, merchantView } from '../../app/merchants.js';
import { createMerchantRequest } from '../../contracts/api/merchants.js';
import { httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, idempotencyStore, ids, keyMode, merchantStore } from '../root.js';

export const handler = httpApi(
  {
    'POST /v1/admin/merchants': async (req) => {
      const input = parseWith(createMerchantRequest, req.body ?? {});
      const { merchant, secretKey } = await createMerchant(input, { merchants: merchantStore(), clock, ids, mode: keyMode() });
      return json(201, merchantView(merchant, secretKey));
    },
  },
  [idempotency(idempotencyStore)],
);
