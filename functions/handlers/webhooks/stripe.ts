/**
 * Stripe webhook endpoint: verifies `Stripe-Signature` against the raw body (stripe SDK), then
 * handles each event once. A bad signature is 400 and changes nothing.
 */
import { StripeWebhookVerifier } from '../../adapters/stripe/webhooks.js';
import { claimer } from '../../adapters/dynamodb/claims.js';
import { handleStripeEvent, type StripeEventLike } from '../../app/stripe-webhooks.js';
import { AppError } from '../../core/errors.js';
import { httpApi } from '../http/api.js';
import { json } from '../http/respond.js';
import { log } from '../log.js';
import { once } from '../once.js';
import { cfg, clock, db, paymentStore } from '../root.js';
import { eventOutbox } from '../root-agents.js';

const verifier = once(() => {
  const secret = cfg().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError('service_unavailable', 'Stripe webhooks are not configured');
  return new StripeWebhookVerifier({ secret });
});
const claim = once(() => claimer(db(), cfg().tables.platform, 'stripe-event'));

export const handler = httpApi({
  'POST /webhooks/stripe': async (req) => {
    const v = verifier().verify(req.rawBody, req.headers['stripe-signature']);
    if (!v.ok) {
      log.warn('stripe webhook rejected', { reason: v.error.message, requestId: req.requestId });
      throw new AppError('invalid_request', 'Invalid Stripe-Signature', { param: 'Stripe-Signature' });
    }
    const outcome = await handleStripeEvent(v.event as unknown as StripeEventLike, { payments: paymentStore(), outbox: eventOutbox(), clock, claim: claim() });
    return json(200, { received: true, outcome });
  },
});
