import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { InvalidSignatureError, StripeWebhookVerifier } from '../../../functions/adapters/stripe/webhooks.js';

const secret = 'whsec_test_secret';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });
const t = 1_760_000_000;
const sign = (body: string, timestamp = t, key = secret) => Stripe.webhooks.generateTestHeaderString({ payload: body, secret: key, timestamp });

describe('StripeWebhookVerifier', () => {
  const verifier = new StripeWebhookVerifier({ secret, toleranceSeconds: 300 });

  it('returns the typed event for a correctly signed body within tolerance', () => {
    const r = verifier.verify(payload, sign(payload), t + 10);
    expect(r.ok && r.event.type).toBe('payment_intent.succeeded');
  });

  it('rejects a tampered body, another secret, a missing header and a stale timestamp with InvalidSignatureError', () => {
    for (const r of [
      verifier.verify(payload.replace('pi_1', 'pi_2'), sign(payload), t),
      verifier.verify(payload, sign(payload, t, 'whsec_other'), t),
      verifier.verify(payload, undefined, t),
      verifier.verify(payload, sign(payload), t + 301),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBeInstanceOf(InvalidSignatureError);
    }
  });

  it('refuses to be built without a secret', () => {
    expect(() => new StripeWebhookVerifier({ secret: '' })).toThrow(RangeError);
  });
});
