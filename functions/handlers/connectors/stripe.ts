/** The Stripe connector function: one CardProcessor call per invocation, through the stripe SDK. */
import { serveConnectorCall, type ConnectorCall } from '../../app/connector-protocol.js';
import { StripeCardProcessor } from '../../adapters/stripe/index.js';
import { config as cfg } from '../../config.js';
import { once } from '../once.js';

const processor = once(() => {
  const c = cfg();
  if (!c.STRIPE_API_KEY) throw new Error('STRIPE_API_KEY is not configured');
  return new StripeCardProcessor({ apiKey: c.STRIPE_API_KEY, ...(c.STRIPE_API_BASE ? { apiBase: c.STRIPE_API_BASE } : {}) });
});

export const handler = async (call: ConnectorCall): Promise<unknown> => serveConnectorCall(processor(), call);
