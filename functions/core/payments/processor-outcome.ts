/**
 * What a card processor answered, in our words: every connector maps its own codes into these
 * (exhaustively, in its transformer). Declared in the core because the cascade decides on it;
 * the CardProcessor port re-exports it.
 */
/** Normalized failure codes every connector maps its own codes into (exhaustively). */
export const FAILURE_CODES = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'incorrect_number',
  'do_not_honor',
  'lost_card',
  'stolen_card',
  'fraudulent',
  'pickup_card',
  'restricted_card',
  'card_velocity_exceeded',
  'authentication_required',
  'try_again_later',
  'processing_error',
  'processor_unavailable',
  'timeout',
  'invalid_request',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export type AuthorizeResult =
  | {
      readonly status: 'authorized';
      readonly reference: string;
      /** True when the processor already captured (automatic capture). */
      readonly captured: boolean;
      /** Processor risk signal normalized to 0..1 (e.g. Stripe Radar risk_score / 100). */
      readonly riskScore?: number;
      readonly processorStatus: string;
    }
  | {
      readonly status: 'declined';
      readonly code: FailureCode;
      /** Hard declines are never retried at another processor. */
      readonly hard: boolean;
      readonly message: string;
      readonly processorCode: string;
      readonly reference?: string;
      /** Visa decline category 1–4 or a Mastercard merchant advice code, when given. */
      readonly declineCategory?: string;
      readonly adviceCode?: string;
    }
  | {
      /** Nothing is known to have happened at the processor, or it failed: safe to try elsewhere. */
      readonly status: 'error';
      readonly code: 'processing_error' | 'processor_unavailable' | 'timeout';
      readonly message: string;
      /** When the outcome is unknown (timeout), the attempt must be voided later by this key. */
      readonly outcomeUnknown: boolean;
    };

