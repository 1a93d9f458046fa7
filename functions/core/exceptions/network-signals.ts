import { assertNever, type FailureKind } from './failure-codes.js';

/**
 * Visa decline categories (Visa Core Rules, "Decline Response Code Categories", 2021):
 * 1 = issuer will never approve (do not reattempt), 2 = issuer cannot approve at this time
 * (reattempt later), 3 = data quality (reattempt only with corrected data), 4 = generic.
 */
export type VisaCategory = 1 | 2 | 3 | 4;

export type NetworkAdvice = {
  readonly kind: FailureKind;
  /** False when the network forbids any reattempt with this card/credential. */
  readonly retryable: boolean;
  /** Minimum wait before a reattempt, when the network prescribes one. */
  readonly retry_after_ms?: number;
  readonly note: string;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function visaAdvice(category: VisaCategory): NetworkAdvice {
  switch (category) {
    case 1: return { kind: 'hard_decline', retryable: false, note: 'Visa category 1: never reattempt' };
    case 2: return { kind: 'soft_decline', retryable: true, note: 'Visa category 2: reattempt later' };
    case 3: return { kind: 'data_error', retryable: false, note: 'Visa category 3: reattempt only with updated data' };
    case 4: return { kind: 'soft_decline', retryable: true, note: 'Visa category 4: generic decline' };
    default: return assertNever(category);
  }
}

/**
 * Mastercard Merchant Advice Codes (Mastercard Transaction Processing Rules / "Merchant Advice
 * Code Transaction Excellence"). Unknown codes return undefined so the failure code decides.
 */
export function mastercardAdvice(mac: string): NetworkAdvice | undefined {
  switch (mac.padStart(2, '0')) {
    case '01': return { kind: 'data_error', retryable: false, note: 'MAC 01: new account information available' };
    case '02': return { kind: 'soft_decline', retryable: true, retry_after_ms: 72 * HOUR, note: 'MAC 02: cannot approve at this time, try again later' };
    case '03': return { kind: 'hard_decline', retryable: false, note: 'MAC 03: do not try again' };
    case '04': return { kind: 'data_error', retryable: false, note: 'MAC 04: token requirements not fulfilled' };
    case '21': return { kind: 'hard_decline', retryable: false, note: 'MAC 21: payment cancellation, do not try again' };
    case '24': return { kind: 'soft_decline', retryable: true, retry_after_ms: HOUR, note: 'MAC 24: retry after 1 hour' };
    case '25': return { kind: 'soft_decline', retryable: true, retry_after_ms: DAY, note: 'MAC 25: retry after 24 hours' };
    case '26': return { kind: 'soft_decline', retryable: true, retry_after_ms: 2 * DAY, note: 'MAC 26: retry after 2 days' };
    case '27': return { kind: 'soft_decline', retryable: true, retry_after_ms: 4 * DAY, note: 'MAC 27: retry after 4 days' };
    case '28': return { kind: 'soft_decline', retryable: true, retry_after_ms: 6 * DAY, note: 'MAC 28: retry after 6 days' };
    case '29': return { kind: 'soft_decline', retryable: true, retry_after_ms: 8 * DAY, note: 'MAC 29: retry after 8 days' };
    case '30': return { kind: 'soft_decline', retryable: true, retry_after_ms: 10 * DAY, note: 'MAC 30: retry after 10 days' };
    case '40': return { kind: 'hard_decline', retryable: false, note: 'MAC 40: consumer non-reloadable prepaid card' };
    case '41': return { kind: 'hard_decline', retryable: false, note: 'MAC 41: consumer single-use virtual card' };
    case '43': return { kind: 'hard_decline', retryable: false, note: 'MAC 43: consumer multi-use virtual card' };
    default: return undefined;
  }
}
