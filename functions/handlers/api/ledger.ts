import { actingMerchant, httpApi } from '../http/api.js';
import { json } from '../http/respond.js';
import { ledger } from '../root.js';

export const handler = httpApi({
  'GET /v1/ledger/balances': async (req) => {
    const balances = await ledger().balances(actingMerchant(req));
    return json(200, { object: 'ledger_balances', balances: balances.map((b) => ({ account: b.account, currency: b.currency, amount: b.amount })) });
  },
});
