/**
 * Stripe's decline and card-error codes (https://docs.stripe.com/declines/codes and
 * https://docs.stripe.com/error-codes) mapped onto our {@link FailureCode}s, exhaustively.
 *
 * `hard` answers one question: would another acquirer, right now, get a different answer from
 * the issuer? Issuer decisions about the card or the account (closed, lost, no funds, fraud,
 * generic refusal) are hard: a cascade only adds reattempts that Visa (Decline Excessive
 * Reattempts, 2021) and Mastercard (Excessive Retries, MAC program) fine. Failures of the route
 * (processing errors, issuer unavailable, "reenter/try again", and the generic 05 do-not-honor,
 * Visa category 4, which local acquiring often turns into an approval in Brazil) are soft.
 * API.md fixes two of them: `card_declined` and `insufficient_funds` are never retried anywhere.
 */
import type { FailureCode } from '../../app/ports/card-processor.js';
import { assertNever } from './assert-never.js';

export const STRIPE_DECLINE_CODES = [
  'approve_with_id', 'authentication_required', 'call_issuer', 'card_decline_rate_limit_exceeded',
  'card_not_supported', 'card_velocity_exceeded', 'currency_not_supported', 'do_not_honor',
  'do_not_try_again', 'duplicate_transaction', 'expired_card', 'fraudulent', 'generic_decline',
  'incorrect_cvc', 'incorrect_number', 'incorrect_pin', 'incorrect_zip', 'insufficient_funds',
  'invalid_account', 'invalid_amount', 'invalid_cvc', 'invalid_expiry_month', 'invalid_expiry_year',
  'invalid_number', 'invalid_pin', 'issuer_not_available', 'lost_card', 'merchant_blacklist',
  'new_account_information_available', 'no_action_taken', 'not_permitted', 'offline_pin_required',
  'online_or_offline_pin_required', 'pickup_card', 'pin_try_exceeded', 'processing_error',
  'reenter_transaction', 'restricted_card', 'revocation_of_all_authorizations',
  'revocation_of_authorization', 'security_violation', 'service_not_allowed', 'stolen_card',
  'stop_payment_order', 'testmode_decline', 'transaction_not_allowed', 'try_again_later',
  'withdrawal_count_limit_exceeded',
] as const;
export type StripeDeclineCode = (typeof STRIPE_DECLINE_CODES)[number];

export interface MappedDecline {
  readonly code: FailureCode;
  readonly hard: boolean;
}

export function isStripeDeclineCode(x: string): x is StripeDeclineCode {
  return (STRIPE_DECLINE_CODES as readonly string[]).includes(x);
}

const hard = (code: FailureCode): MappedDecline => ({ code, hard: true });
const soft = (code: FailureCode): MappedDecline => ({ code, hard: false });

/** Maps one Stripe code; unknown codes are a generic hard decline (never cascade on the unknown). */
export function mapStripeDeclineCode(raw: string): MappedDecline {
  if (!isStripeDeclineCode(raw)) return hard('card_declined');
  const code: StripeDeclineCode = raw;
  switch (code) {
    case 'generic_decline':
    case 'call_issuer':
    case 'do_not_try_again':
    case 'no_action_taken':
    case 'security_violation':
    case 'invalid_account':
    case 'new_account_information_available':
    case 'incorrect_zip':
    case 'incorrect_pin':
    case 'invalid_pin':
    case 'pin_try_exceeded':
    case 'offline_pin_required':
    case 'online_or_offline_pin_required':
    case 'revocation_of_all_authorizations':
    case 'revocation_of_authorization':
    case 'stop_payment_order':
    case 'testmode_decline':
    case 'duplicate_transaction':
      return hard('card_declined');
    case 'insufficient_funds':
      return hard('insufficient_funds');
    case 'expired_card':
      return hard('expired_card');
    case 'incorrect_cvc':
    case 'invalid_cvc':
      return hard('incorrect_cvc');
    case 'incorrect_number':
    case 'invalid_number':
      return hard('incorrect_number');
    case 'invalid_amount':
    case 'invalid_expiry_month':
    case 'invalid_expiry_year':
      return hard('invalid_request');
    case 'lost_card':
      return hard('lost_card');
    case 'stolen_card':
      return hard('stolen_card');
    case 'pickup_card':
      return hard('pickup_card');
    case 'fraudulent':
    case 'merchant_blacklist':
      return hard('fraudulent');
    case 'restricted_card':
    case 'card_not_supported':
    case 'not_permitted':
    case 'service_not_allowed':
    case 'transaction_not_allowed':
      return hard('restricted_card');
    case 'card_velocity_exceeded':
    case 'withdrawal_count_limit_exceeded':
      return hard('card_velocity_exceeded');
    case 'authentication_required':
      // Needs 3-D Secure: no server-to-server retry elsewhere can satisfy it.
      return hard('authentication_required');
    case 'do_not_honor':
      return soft('do_not_honor');
    case 'approve_with_id':
    case 'reenter_transaction':
    case 'try_again_later':
    case 'issuer_not_available':
    case 'card_decline_rate_limit_exceeded':
      return soft('try_again_later');
    case 'currency_not_supported':
      // A property of this acquirer's setup, not of the card: another processor may take it.
      return soft('invalid_request');
    case 'processing_error':
      return soft('processing_error');
    default:
      return assertNever(code);
  }
}

/**
 * Stripe's `advice_code` (https://docs.stripe.com/declines/codes#advice-codes) carries the Visa
 * decline category it was derived from: 1 never reattempt, 2 reattempt later, 3 reattempt with
 * updated data (Visa Core Rules, decline response code categories).
 */
export function visaCategoryFromAdvice(advice: string | undefined | null): string | undefined {
  switch (advice) {
    case 'do_not_try_again':
      return '1';
    case 'try_again_later':
      return '2';
    case 'confirm_card_data':
      return '3';
    default:
      return undefined;
  }
}
