/** `POST /v1/payments/{id}/explain`: the assistant (read-only; Bedrock when configured, deterministic otherwise). */
import { explainPayment } from '../../app/assistant.js';
import { explainPaymentRequest } from '../../contracts/api/agents-api.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { log } from '../log.js';
import { auditTrail, paymentStore } from '../root.js';
import { llmAdvisor } from '../root-assistant.js';

export const handler = httpApi({
  'POST /v1/payments/{id}/explain': async (req) => {
    parseWith(explainPaymentRequest, req.body ?? {});
    const advisor = llmAdvisor();
    const out = await explainPayment(actingMerchant(req), req.params['id'] ?? '', {
      payments: paymentStore(), audit: auditTrail(), ...(advisor ? { advisor } : {}),
      onAdvisorError: (err) => log.warn('assistant fell back to the deterministic explanation', { requestId: req.requestId, error: err instanceof Error ? err.name : 'unknown' }),
    });
    return json(200, out);
  },
});
