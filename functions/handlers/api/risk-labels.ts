/** `POST /v1/risk/labels`: a merchant's fraud/legit label for one of its payments, sent to the risk agent. */
import { submitRiskLabel } from '../../app/risk-labels.js';
import { riskLabelRequest } from '../../contracts/api/agents-api.js';
import { actingMerchant, httpApi } from '../http/api.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { clock, paymentStore } from '../root.js';
import { eventOutbox } from '../root-agents.js';

export const handler = httpApi({
  'POST /v1/risk/labels': async (req) => {
    const label = parseWith(riskLabelRequest, req.body ?? {});
    return json(202, await submitRiskLabel(actingMerchant(req), label, { payments: paymentStore(), outbox: eventOutbox(), clock }));
  },
});
