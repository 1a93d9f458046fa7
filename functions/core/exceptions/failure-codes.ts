/**
 * Our normalized failure codes. Every connector maps its processor's codes onto this list in its
 * transformer (exhaustively); everything downstream — exceptions, routing, the API's
 * `failure.code` — speaks only these.
 */
export const FAILURE_CODES = [
  'card_declined',            // generic issuer decline without detail
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'incorrect_number',
  'invalid_expiry',
  'do_not_honor',
  'lost_card',
  'stolen_card',
  'pickup_card',
  'fraudulent',
  'restricted_card',
  'transaction_not_allowed',
  'card_velocity_exceeded',
  'withdrawal_limit_exceeded',
  'issuer_unavailable',
  'processing_error',
  'processor_unavailable',
  'rate_limited',
  'timeout',
  'invalid_request',
  'invalid_amount',
  'currency_not_supported',
  'try_again_later',
  'authentication_required',
  'revocation_of_authorization',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];

export function isFailureCode(x: string): x is FailureCode {
  return (FAILURE_CODES as readonly string[]).includes(x);
}

/** The taxonomy of DESIGN.md §5. */
export type FailureKind = 'hard_decline' | 'soft_decline' | 'data_error' | 'processor_outage' | 'timeout';

/**
 * Base kind of a code, before any network signal (Visa category, Mastercard advice code) refines
 * it. Exhaustive: adding a code without classifying it does not compile.
 */
export function kindOfCode(code: FailureCode): FailureKind {
  switch (code) {
    case 'card_declined':
    case 'lost_card':
    case 'stolen_card':
    case 'pickup_card':
    case 'fraudulent':
    case 'restricted_card':
    case 'transaction_not_allowed':
    case 'revocation_of_authorization':
      return 'hard_decline';
    case 'insufficient_funds':
    case 'do_not_honor':
    case 'try_again_later':
    case 'card_velocity_exceeded':
    case 'withdrawal_limit_exceeded':
    case 'issuer_unavailable':
      return 'soft_decline';
    case 'expired_card':
    case 'incorrect_cvc':
    case 'incorrect_number':
    case 'invalid_expiry':
    case 'invalid_request':
    case 'invalid_amount':
    case 'currency_not_supported':
    case 'authentication_required':
      return 'data_error';
    case 'processing_error':
    case 'processor_unavailable':
    case 'rate_limited':
      return 'processor_outage';
    case 'timeout':
      return 'timeout';
    default:
      return assertNever(code);
  }
}

/** Codes that signal fraud on the card: never retried, and worth a human look. */
export function isFraudSignal(code: FailureCode): boolean {
  return code === 'lost_card' || code === 'stolen_card' || code === 'pickup_card' || code === 'fraudulent';
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
