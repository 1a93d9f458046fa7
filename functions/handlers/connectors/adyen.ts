/** The Adyen connector function: one CardProcessor call per invocation, through @adyen/api-library. */
import { serveConnectorCall, type ConnectorCall } from '../../app/connector-protocol.js';
import { AdyenCardProcessor } from '../../adapters/adyen/index.js';
import { config as cfg } from '../../config.js';
import { once } from '../once.js';

const processor = once(() => {
  const c = cfg();
  if (!c.ADYEN_API_KEY || !c.ADYEN_MERCHANT_ACCOUNT) throw new Error('ADYEN_API_KEY and ADYEN_MERCHANT_ACCOUNT are not configured');
  return new AdyenCardProcessor({ apiKey: c.ADYEN_API_KEY, merchantAccount: c.ADYEN_MERCHANT_ACCOUNT, ...(c.ADYEN_CHECKOUT_BASE ? { checkoutBase: c.ADYEN_CHECKOUT_BASE } : {}) });
});

export const handler = async (call: ConnectorCall): Promise<unknown> => serveConnectorCall(processor(), call);
