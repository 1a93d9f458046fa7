import { describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { mapStripeDeclineCode, STRIPE_DECLINE_CODES, visaCategoryFromAdvice } from '../../../functions/adapters/stripe/decline-codes.js';
import { parseApiBase } from '../../../functions/adapters/stripe/client.js';
import {
  attemptSearchQuery, authorizeResultFromFailure, authorizeResultFromIntent, failureCode, paymentStatus, refundReason, refundResult,
  retrieveResultFromIntent, riskScoreFromCharge, toCreateParams, voidResultFromFailure, type StripeFailure,
} from '../../../functions/adapters/stripe/transformers.js';
import { FAILURE_CODES } from '../../../functions/app/ports/card-processor.js';
import { CARDS, request } from '../../contract/card-processor.contract.js';

const pi = (over: Partial<Stripe.PaymentIntent>): Stripe.PaymentIntent => ({ id: 'pi_1', amount: 5000, amount_received: 0, currency: 'brl', status: 'requires_capture', latest_charge: null, last_payment_error: null, ...over }) as Stripe.PaymentIntent;

describe('stripe decline codes', () => {
  it('maps every documented code to one of our failure codes', () => {
    for (const c of STRIPE_DECLINE_CODES) expect(FAILURE_CODES, c).toContain(mapStripeDeclineCode(c).code);
  });

  it.each([
    ['generic_decline', 'card_declined', true], ['insufficient_funds', 'insufficient_funds', true], ['expired_card', 'expired_card', true],
    ['incorrect_cvc', 'incorrect_cvc', true], ['invalid_number', 'incorrect_number', true], ['lost_card', 'lost_card', true],
    ['stolen_card', 'stolen_card', true], ['pickup_card', 'pickup_card', true], ['fraudulent', 'fraudulent', true],
    ['merchant_blacklist', 'fraudulent', true], ['transaction_not_allowed', 'restricted_card', true], ['card_velocity_exceeded', 'card_velocity_exceeded', true],
    ['authentication_required', 'authentication_required', true], ['invalid_expiry_year', 'invalid_request', true],
    ['do_not_honor', 'do_not_honor', false], ['issuer_not_available', 'try_again_later', false], ['reenter_transaction', 'try_again_later', false],
    ['currency_not_supported', 'invalid_request', false], ['processing_error', 'processing_error', false], ['never_heard_of_it', 'card_declined', true],
  ])('%s → %s (hard %s)', (raw, code, hard) => {
    expect(mapStripeDeclineCode(raw)).toEqual({ code, hard });
  });

  it('reads Visa categories from advice codes', () => {
    expect([visaCategoryFromAdvice('do_not_try_again'), visaCategoryFromAdvice('try_again_later'), visaCategoryFromAdvice('confirm_card_data'), visaCategoryFromAdvice(undefined)]).toEqual(['1', '2', '3', undefined]);
  });
});

describe('stripe request building', () => {
  it('creates a confirmed PaymentIntent with raw card data, capture method, metadata and expanded charge', () => {
    const req = request(CARDS.approved, { currency: 'BRL', description: 'order 1' });
    expect(toCreateParams(req)).toEqual({
      amount: 5000, currency: 'brl', confirm: true, capture_method: 'manual', description: 'order 1', expand: ['latest_charge'],
      payment_method_data: { type: 'card', card: { number: CARDS.approved, exp_month: 12, exp_year: 2034 }, billing_details: { name: 'Ana Souza' } },
      metadata: { payment_id: req.paymentId, merchant_id: 'mer_contract', attempt_key: req.idempotencyKey },
    });
  });

  it('escapes quotes and backslashes in the attempt search query', () => {
    expect(attemptSearchQuery("pay_1", "k'1\\x")).toBe("metadata['payment_id']:'pay_1' AND metadata['attempt_key']:'k\\'1\\\\x'");
  });

  it('parses STRIPE_API_BASE into SDK host options and rejects paths and other schemes', () => {
    expect(parseApiBase('http://127.0.0.1:4010')).toEqual({ protocol: 'http', host: '127.0.0.1', port: 4010 });
    expect(parseApiBase('https://api.stripe.com')).toEqual({ protocol: 'https', host: 'api.stripe.com', port: 443 });
    expect(() => parseApiBase('http://h/v1')).toThrow(RangeError);
    expect(() => parseApiBase('ftp://h')).toThrow(RangeError);
  });

  it('passes only Stripe refund reasons', () => {
    expect([refundReason('duplicate'), refundReason('fraudulent'), refundReason('requested_by_customer'), refundReason('customer changed mind')]).toEqual(['duplicate', 'fraudulent', 'requested_by_customer', undefined]);
  });
});

describe('stripe authorize results', () => {
  it('maps every PaymentIntent status', () => {
    expect(authorizeResultFromIntent(pi({ status: 'requires_capture' }))).toMatchObject({ status: 'authorized', captured: false });
    expect(authorizeResultFromIntent(pi({ status: 'succeeded' }))).toMatchObject({ status: 'authorized', captured: true });
    expect(authorizeResultFromIntent(pi({ status: 'requires_action' }))).toMatchObject({ status: 'declined', code: 'authentication_required', hard: true });
    expect(authorizeResultFromIntent(pi({ status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'lost_card', message: 'lost' } as Stripe.PaymentIntent.LastPaymentError }))).toMatchObject({ status: 'declined', code: 'lost_card' });
    expect(authorizeResultFromIntent(pi({ status: 'canceled' }))).toMatchObject({ status: 'declined', code: 'card_declined' });
    expect(authorizeResultFromIntent(pi({ status: 'processing' }))).toMatchObject({ status: 'error', outcomeUnknown: true });
    expect(authorizeResultFromIntent(pi({ status: 'requires_confirmation' }))).toMatchObject({ status: 'error', outcomeUnknown: true });
    expect(authorizeResultFromIntent(pi({ status: 'brand_new_status' as Stripe.PaymentIntent.Status }))).toMatchObject({ status: 'error', outcomeUnknown: true });
  });

  it('normalizes Radar risk from the expanded charge: score / 100, else risk level', () => {
    expect(riskScoreFromCharge({ outcome: { risk_score: 85 } })).toBe(0.85);
    expect(riskScoreFromCharge({ outcome: { risk_score: 140 } })).toBe(1);
    expect(riskScoreFromCharge({ outcome: { risk_level: 'elevated' } })).toBe(0.75);
    expect(riskScoreFromCharge({ outcome: { risk_level: 'highest' } })).toBe(0.9);
    expect(riskScoreFromCharge({ outcome: { risk_level: 'normal' } })).toBeUndefined();
    expect(riskScoreFromCharge(null)).toBeUndefined();
    expect(authorizeResultFromIntent(pi({ latest_charge: { outcome: { risk_score: 85 } } as unknown as Stripe.Charge }))).toMatchObject({ riskScore: 0.85 });
  });

  const failures: Array<[StripeFailure, object]> = [
    [{ kind: 'card', code: 'card_declined', declineCode: 'insufficient_funds', adviceCode: 'try_again_later', networkAdviceCode: '02', message: 'no funds', paymentIntentId: 'pi_9' }, { status: 'declined', code: 'insufficient_funds', hard: true, declineCategory: '2', adviceCode: '02', reference: 'pi_9', processorCode: 'insufficient_funds' }],
    [{ kind: 'card', code: 'card_declined', declineCode: 'do_not_honor', adviceCode: 'do_not_try_again', message: 'x' }, { status: 'declined', code: 'do_not_honor', hard: true, declineCategory: '1' }],
    [{ kind: 'card', code: 'card_declined', message: 'x' }, { status: 'declined', code: 'card_declined', processorCode: 'generic_decline' }],
    [{ kind: 'card', code: 'expired_card', message: 'x' }, { status: 'declined', code: 'expired_card' }],
    [{ kind: 'card', code: 'processing_error', message: 'x' }, { status: 'error', code: 'processing_error', outcomeUnknown: false }],
    [{ kind: 'connection', timeout: true, errno: 'ETIMEDOUT', message: 't' }, { status: 'error', code: 'timeout', outcomeUnknown: true }],
    [{ kind: 'connection', timeout: false, errno: 'ECONNREFUSED', message: 'r' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: false }],
    [{ kind: 'connection', timeout: false, errno: 'ECONNRESET', message: 'r' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: true }],
    [{ kind: 'api', statusCode: 500, message: 'boom' }, { status: 'error', code: 'processing_error', outcomeUnknown: true }],
    [{ kind: 'rate_limit', message: 'slow down' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: false }],
    [{ kind: 'auth', message: 'bad key' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: false }],
    [{ kind: 'invalid_request', code: 'parameter_invalid_integer', message: 'bad' }, { status: 'declined', code: 'invalid_request', hard: true }],
  ];
  it.each(failures)('maps failure %j', (f, expected) => {
    expect(authorizeResultFromFailure(f)).toMatchObject(expected);
  });

  it('throws on an idempotency conflict and redacts any PAN echoed in a message', () => {
    expect(() => authorizeResultFromFailure({ kind: 'idempotency', message: 'reused' })).toThrow(/idempotency conflict/);
    expect(authorizeResultFromFailure({ kind: 'invalid_request', message: 'bad number 4242424242424242' })).toMatchObject({ message: 'bad number ************4242' });
  });
});

describe('stripe modification results', () => {
  it('maps failure codes of captures, refunds and voids', () => {
    expect(failureCode({ kind: 'card', code: 'card_declined', declineCode: 'stolen_card', message: '' })).toBe('stolen_card');
    expect(failureCode({ kind: 'connection', timeout: true, message: '' })).toBe('timeout');
    expect(failureCode({ kind: 'connection', timeout: false, message: '' })).toBe('processor_unavailable');
    expect(failureCode({ kind: 'api', message: '' })).toBe('processing_error');
    expect(failureCode({ kind: 'rate_limit', message: '' })).toBe('processor_unavailable');
    expect(failureCode({ kind: 'auth', message: '' })).toBe('processor_unavailable');
    expect(failureCode({ kind: 'invalid_request', message: '' })).toBe('invalid_request');
    expect(failureCode({ kind: 'idempotency', message: '' })).toBe('invalid_request');
  });

  it('turns cancel errors into not_found, voided (already canceled), already_captured or failed', () => {
    expect(voidResultFromFailure({ kind: 'invalid_request', statusCode: 404, message: '' })).toEqual({ status: 'not_found' });
    expect(voidResultFromFailure({ kind: 'invalid_request', statusCode: 400, paymentIntentStatus: 'canceled', message: '' })).toEqual({ status: 'voided' });
    expect(voidResultFromFailure({ kind: 'invalid_request', statusCode: 400, paymentIntentStatus: 'succeeded', message: '' })).toEqual({ status: 'already_captured' });
    expect(voidResultFromFailure({ kind: 'connection', timeout: true, message: 't' })).toEqual({ status: 'failed', code: 'timeout', message: 't' });
  });

  it('maps refund statuses', () => {
    const r = (status: string) => refundResult({ id: 're_1', status } as Stripe.Refund);
    expect([r('succeeded'), r('pending'), r('requires_action'), r('failed'), r('canceled')].map((x) => x.status)).toEqual(['succeeded', 'pending', 'pending', 'failed', 'failed']);
  });

  it('derives the payment status from the intent and its charge', () => {
    expect(paymentStatus('requires_capture', 0, 0)).toBe('authorized');
    expect(paymentStatus('succeeded', 500, 0)).toBe('captured');
    expect(paymentStatus('succeeded', 500, 100)).toBe('partially_refunded');
    expect(paymentStatus('succeeded', 500, 500)).toBe('refunded');
    expect(paymentStatus('canceled', 0, 0)).toBe('voided');
    expect(paymentStatus('requires_payment_method', 0, 0)).toBe('declined');
    expect(['processing', 'requires_action', 'requires_confirmation', 'unheard_of'].map((s) => paymentStatus(s, 0, 0))).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(retrieveResultFromIntent(pi({ status: 'succeeded', amount_received: 3000, latest_charge: { amount_captured: 3000, amount_refunded: 1000 } as Stripe.Charge }))).toEqual({ reference: 'pi_1', status: 'partially_refunded', amount: 5000, amountCaptured: 3000, amountRefunded: 1000, currency: 'brl' });
  });
});
