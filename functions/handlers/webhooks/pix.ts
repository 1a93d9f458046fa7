/**
 * `POST /webhooks/pix`: the PSP's callback (mTLS on AWS). We answer 200 whenever the callback was
 * handled, including when it named a Pix the PSP does not confirm (forged or unknown): API Pix
 * defines no retry policy and a PSP that sees errors may retry without end or drop our webhook
 * (PIX_SPEC §3.4), and a retry cannot turn an unconfirmed Pix into money. Only our own failures
 * (store or PSP unreachable while confirming) answer 5xx, so the PSP tries again later.
 */
import { handlePixCallback } from '../../app/pix/webhook.js';
import { httpApi } from '../http/api.js';
import { json } from '../http/respond.js';
import { log } from '../log.js';
import { pixDeps } from '../root-pix.js';

export const handler = httpApi({
  'POST /webhooks/pix': async (req) => {
    const results = await handlePixCallback(req.rawBody, pixDeps());
    for (const r of results) {
      if (r.outcome === 'not_confirmed' || r.outcome === 'invalid_end_to_end_id') log.warn('pix callback not confirmed by the PSP: ignored', { requestId: req.requestId, end_to_end_id: r.end_to_end_id, outcome: r.outcome });
      else if (r.outcome !== 'credited' && r.outcome !== 'duplicate') log.warn('pix callback needs attention', { requestId: req.requestId, end_to_end_id: r.end_to_end_id, outcome: r.outcome });
      else log.info('pix callback', { requestId: req.requestId, end_to_end_id: r.end_to_end_id, outcome: r.outcome, refunds_settled: r.refunds_settled });
    }
    return json(200, { received: results.length });
  },
});
