import { decodePayload, staticBrCode } from '../../app/pix/brcode.js';
import { createPixPayment, getPixCharge } from '../../app/pix/charges.js';
import { pixChargeView } from '../../app/pix/views.js';
import { createPixChargeRequest, decodeBrCodeRequest, staticBrCodeRequest } from '../../contracts/api/pix.js';
import { qrcodeRenderer } from '../../adapters/qr/qrcode.js';
import { actingMerchant, httpApi, type RouteRequest } from '../http/api.js';
import { idempotency } from '../http/idempotency.js';
import { parseWith } from '../http/parse.js';
import type { Payer } from '../../app/payments.js';
import { json } from '../http/respond.js';
import { idempotencyStore } from '../root.js';
import { pixDeps, pixStore } from '../root-pix.js';

const payerOf = (req: RouteRequest): Payer => {
  const p = req.principal;
  return p?.kind === 'agent' ? { merchantId: p.merchantId, agentId: p.agentId, mandateId: p.mandateId } : { merchantId: actingMerchant(req) };
};

export const handler = httpApi(
  {
    'POST /v1/pix/charges': async (req) => {
      const input = parseWith(createPixChargeRequest, req.body ?? {});
      const r = await createPixPayment(input, req.body, payerOf(req), req.headers['idempotency-key']!, pixDeps());
      return json(201, pixChargeView(r.charge, r.qrSvg));
    },
    'GET /v1/pix/charges/{txid}': async (req) => {
      const c = await getPixCharge(actingMerchant(req), req.params['txid'] ?? '', { pix: pixStore() });
      return json(200, pixChargeView(c, await qrcodeRenderer.svg(c.brcode)));
    },
    'POST /v1/pix/brcode/decode': async (req) => json(200, decodePayload(parseWith(decodeBrCodeRequest, req.body ?? {}).payload)),
    'POST /v1/pix/brcode/static': async (req) => json(201, await staticBrCode(parseWith(staticBrCodeRequest, req.body ?? {}), qrcodeRenderer)),
  },
  [idempotency(idempotencyStore)],
);
