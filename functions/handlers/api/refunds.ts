import { createRefund } from '../../app/refunds.js';
import { createRefundRequest } from '../../contracts/api/refunds.js';
import { notFound } from '../../core/errors.js';
import { refundView } from '../../core/payments/index.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, idempotencyStore, ledger, paymentStore } from '../root.js';
import { cardProcessors } from '../root-payments.js';
import { pixDeps } from '../root-pix.js';
import { checkPixRefund, refreshPixRefund, requestPixRefund } from '../../app/pix/refunds.js';

export const handler = httpApi(
  {
    'POST /v1/refunds': async (req) => {
      const input = parseWith(createRefundRequest, req.body ?? {});
      const refund = await createRefund(actingMerchant(req), input, req.headers['idempotency-key']!, {
        payments: paymentStore(), processors: cardProcessors(), ledger: ledger(), clock,
        pixRefund: (p, r) => requestPixRefund(p, r, pixDeps()), checkPixRefund: (p) => checkPixRefund(p, pixDeps()),
      });
      return json(201, refundView(refund));
    },
    'GET /v1/refunds/{id}': async (req) => {
      const r = await paymentStore().getRefund(actingMerchant(req), req.params['id'] ?? '');
      if (!r) throw notFound('refund');
      // A pending devolução is looked up at the PSP on read, so a poll never sees a stale status.
      return json(200, refundView(r.processor === 'pix' && r.status === 'pending' ? await refreshPixRefund(r, pixDeps()) : r));
    },
  },
  [idempotency(idempotencyStore)],
);
