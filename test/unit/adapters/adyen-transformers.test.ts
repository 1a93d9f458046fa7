import { describe, expect, it } from 'vitest';
import { ADYEN_REFUSAL_CODES, mapAdyenRefusalCode, merchantAdviceCode, visaDeclineCategory } from '../../../functions/adapters/adyen/refusal-codes.js';
import {
  ADYEN_RESULT_CODES, attemptReference, authorizeResultFromFailure, authorizeResultFromResponse, failureCode, fromAdyenAmount, isUnknownPayment,
  retrieveResultFromState, riskScore, toAdyenAmount, toPaymentRequest,
} from '../../../functions/adapters/adyen/transformers.js';
import { FAILURE_CODES } from '../../../functions/app/ports/card-processor.js';
import { CARDS, request } from '../../contract/card-processor.contract.js';

describe('adyen refusal codes', () => {
  it('maps every documented refusalReasonCode to one of our failure codes', () => {
    for (const c of Object.keys(ADYEN_REFUSAL_CODES)) expect(FAILURE_CODES, c).toContain(mapAdyenRefusalCode(c).code);
  });

  it.each([
    ['2', 'card_declined', true], ['3', 'card_declined', true], ['4', 'processing_error', false], ['5', 'restricted_card', true],
    ['6', 'expired_card', true], ['7', 'invalid_request', true], ['8', 'incorrect_number', true], ['9', 'try_again_later', false],
    ['11', 'authentication_required', true], ['12', 'insufficient_funds', true], ['14', 'fraudulent', true], ['20', 'fraudulent', true],
    ['21', 'processing_error', false], ['24', 'incorrect_cvc', true], ['28', 'card_velocity_exceeded', true], ['31', 'fraudulent', true],
    ['38', 'authentication_required', true], ['99', 'card_declined', true],
  ])('%s → %s (hard %s)', (raw, code, hard) => {
    expect(mapAdyenRefusalCode(raw)).toEqual({ code, hard });
  });

  it('treats an absent code as a generic hard decline', () => {
    expect(mapAdyenRefusalCode(undefined)).toEqual({ code: 'card_declined', hard: true });
  });

  it('derives the Visa category from the raw response code and the MAC from merchantAdviceCode', () => {
    expect(['05 : Do not honor', '51 : Insufficient funds', '54 : Expired card', '04 : Pick up', 'N7 : CVV2 failure', 'garbage', undefined].map(visaDeclineCategory)).toEqual(['4', '2', '3', '1', '3', undefined, undefined]);
    expect([merchantAdviceCode('01: New account information available'), merchantAdviceCode('3'), merchantAdviceCode(undefined)]).toEqual(['01', '03', undefined]);
  });
});

describe('adyen request building', () => {
  it('sends a scheme card, upper-case currency, metadata and manualCapture for manual capture', () => {
    const req = request(CARDS.approved);
    expect(toPaymentRequest(req, 'M')).toEqual({
      merchantAccount: 'M', reference: req.idempotencyKey, amount: { value: 5000, currency: 'BRL' }, shopperInteraction: 'Ecommerce',
      paymentMethod: { type: 'scheme', number: CARDS.approved, expiryMonth: '12', expiryYear: '2034', holderName: 'Ana Souza' },
      metadata: { payment_id: req.paymentId, merchant_id: 'mer_contract' }, additionalData: { manualCapture: 'true' },
    });
    expect(toPaymentRequest(request(CARDS.approved, { captureMethod: 'automatic', card: { number: '1', expMonth: 3, expYear: 29, brand: 'visa', fingerprint: 'f' } }), 'M')).toMatchObject({ captureDelayHours: 0, paymentMethod: { expiryMonth: '03', expiryYear: '2029' } });
  });

  it('scales CLP to Adyen’s two decimals and back, and keeps ISO units elsewhere', () => {
    expect(toAdyenAmount(1500, 'clp')).toEqual({ value: 150000, currency: 'CLP' });
    expect(fromAdyenAmount({ value: 150000, currency: 'CLP' })).toBe(1500);
    expect(toAdyenAmount(1050, 'brl')).toEqual({ value: 1050, currency: 'BRL' });
    expect(() => fromAdyenAmount({ value: 150001, currency: 'CLP' })).toThrow(RangeError);
  });

  it('uses the key as reference up to Adyen’s 80 characters and a stable hash beyond', () => {
    expect(attemptReference('k1')).toBe('k1');
    const long = 'x'.repeat(81);
    expect(attemptReference(long)).toBe(attemptReference(long));
    expect(attemptReference(long).length).toBeLessThanOrEqual(80);
  });
});

describe('adyen authorize results', () => {
  const ok = (resultCode: string, extra: object = {}) => authorizeResultFromResponse({ resultCode, pspReference: 'PSP1', ...extra }, 'manual', 'visa');

  it('covers every resultCode', () => {
    const statuses = Object.fromEntries(ADYEN_RESULT_CODES.map((c) => [c, ok(c).status]));
    expect(statuses).toEqual({
      Authorised: 'authorized', Success: 'authorized', Refused: 'declined', Cancelled: 'declined', Error: 'error', Received: 'error', Pending: 'error', PartiallyAuthorised: 'error',
      RedirectShopper: 'declined', IdentifyShopper: 'declined', ChallengeShopper: 'declined', PresentToShopper: 'declined', AuthenticationFinished: 'error', AuthenticationNotRequired: 'error',
    });
    expect(ok('Received')).toMatchObject({ outcomeUnknown: true });
    expect(ok('AuthenticationNotRequired')).toMatchObject({ outcomeUnknown: false });
    expect(ok('ChallengeShopper')).toMatchObject({ code: 'authentication_required', hard: true });
    expect(ok('Whatever')).toMatchObject({ status: 'error', outcomeUnknown: true });
    expect(authorizeResultFromResponse({ resultCode: 'Authorised' }, 'manual', 'visa')).toMatchObject({ status: 'error', outcomeUnknown: true });
  });

  it('marks automatic capture as captured and reads risk from accountScore, fraudResultType and fraudRiskLevel', () => {
    expect(authorizeResultFromResponse({ resultCode: 'Authorised', pspReference: 'P', fraudResult: { accountScore: 85 } }, 'automatic', 'visa')).toMatchObject({ status: 'authorized', captured: true, riskScore: 0.85 });
    expect(riskScore({ additionalData: { fraudResultType: 'AMBER' } })).toBe(0.75);
    expect(riskScore({ additionalData: { fraudResultType: 'RED' } })).toBe(0.95);
    expect(riskScore({ additionalData: { fraudRiskLevel: 'high' }, fraudResult: { accountScore: 10 } })).toBe(0.8);
    expect(riskScore({ fraudResult: { accountScore: 150 } })).toBe(1);
    expect(riskScore({})).toBeUndefined();
  });

  it('refusals carry code, MAC, Visa category (Visa only) and harden on MAC 03 or category 1', () => {
    expect(ok('Refused', { refusalReasonCode: '12', refusalReason: 'Not enough balance', additionalData: { refusalReasonRaw: '51 : Insufficient funds' } })).toEqual({ status: 'declined', code: 'insufficient_funds', hard: true, message: 'Not enough balance', processorCode: '12', reference: 'PSP1', declineCategory: '2' });
    expect(ok('Refused', { refusalReasonCode: '9', additionalData: { merchantAdviceCode: '03: Do not try again' } })).toMatchObject({ code: 'try_again_later', hard: true, adviceCode: '03' });
    expect(ok('Refused', { refusalReasonCode: '9', additionalData: { refusalReasonRaw: '04 : Pick up' } })).toMatchObject({ hard: true, declineCategory: '1' });
    expect(ok('Refused', { refusalReasonCode: '9' })).toMatchObject({ hard: false });
    expect(authorizeResultFromResponse({ resultCode: 'Refused', refusalReasonCode: '2', additionalData: { refusalReasonRaw: '05 : x' } }, 'manual', 'mastercard')).not.toHaveProperty('declineCategory');
    expect(ok('Refused', { refusalReasonCode: '4' })).toMatchObject({ status: 'error', code: 'processing_error', outcomeUnknown: false });
  });

  it.each([
    [{ kind: 'network', timeout: true, message: 't' }, { status: 'error', code: 'timeout', outcomeUnknown: true }],
    [{ kind: 'network', timeout: false, errno: 'ECONNREFUSED', message: 'r' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: false }],
    [{ kind: 'network', timeout: false, errno: 'UND_ERR_SOCKET', message: 'r' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: true }],
    [{ kind: 'http', statusCode: 500, message: 'e' }, { status: 'error', code: 'processing_error', outcomeUnknown: true }],
    [{ kind: 'http', statusCode: 401, message: 'e' }, { status: 'error', code: 'processor_unavailable', outcomeUnknown: false }],
    [{ kind: 'http', statusCode: 422, errorCode: '101', message: 'Invalid card number' }, { status: 'declined', code: 'incorrect_number', hard: true }],
    [{ kind: 'http', statusCode: 422, errorCode: '137', message: 'Invalid amount' }, { status: 'declined', code: 'invalid_request', processorCode: '137' }],
  ] as const)('maps failure %j', (f, expected) => {
    expect(authorizeResultFromFailure(f)).toMatchObject(expected);
  });

  it('maps modification failures and recognises an unknown payment (error 167)', () => {
    expect(failureCode({ kind: 'network', timeout: true, message: '' })).toBe('timeout');
    expect(failureCode({ kind: 'network', timeout: false, message: '' })).toBe('processor_unavailable');
    expect(failureCode({ kind: 'http', statusCode: 503, message: '' })).toBe('processing_error');
    expect(failureCode({ kind: 'http', statusCode: 429, message: '' })).toBe('processor_unavailable');
    expect(failureCode({ kind: 'http', statusCode: 422, message: '' })).toBe('invalid_request');
    expect(isUnknownPayment({ kind: 'http', statusCode: 422, errorCode: '167', message: '' })).toBe(true);
    expect(isUnknownPayment({ kind: 'http', statusCode: 422, errorCode: '137', message: '' })).toBe(false);
  });

  it('maps every notification-derived payment state', () => {
    const s = (status: 'authorised' | 'refused' | 'captured' | 'cancelled' | 'pending', capturedValue = 0, refundedValue = 0) =>
      retrieveResultFromState({ pspReference: 'P', status, amount: { value: 5000, currency: 'BRL' }, capturedValue, refundedValue }).status;
    expect([s('authorised'), s('refused'), s('cancelled'), s('pending'), s('captured', 5000), s('captured', 5000, 100), s('captured', 5000, 5000)]).toEqual(['authorized', 'declined', 'voided', 'pending', 'captured', 'partially_refunded', 'refunded']);
    expect(retrieveResultFromState({ pspReference: 'P', status: 'captured', amount: { value: 150000, currency: 'CLP' }, capturedValue: 150000, refundedValue: 0 })).toMatchObject({ amount: 1500, amountCaptured: 1500, currency: 'clp' });
  });
});
