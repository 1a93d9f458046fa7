/**
 * Adyen's `refusalReasonCode`s (https://docs.adyen.com/development-resources/refusal-reasons)
 * mapped onto our {@link FailureCode}s, exhaustively. `hard` means another acquirer would get the
 * same answer from the issuer now (see stripe/decline-codes.ts for the reasoning and the network
 * rules behind it); acquirer-side failures are soft so the cascade moves on.
 */
import type { FailureCode } from '../../app/ports/card-processor.js';
import { assertNever } from './assert-never.js';

export const ADYEN_REFUSAL_CODES = {
  '2': 'Refused',
  '3': 'Referral',
  '4': 'Acquirer Error',
  '5': 'Blocked Card',
  '6': 'Expired Card',
  '7': 'Invalid Amount',
  '8': 'Invalid Card Number',
  '9': 'Issuer Unavailable',
  '10': 'Not supported',
  '11': '3D Not Authenticated',
  '12': 'Not enough balance',
  '14': 'Acquirer Fraud',
  '15': 'Cancelled',
  '16': 'Shopper Cancelled',
  '17': 'Invalid Pin',
  '18': 'Pin tries exceeded',
  '19': 'Pin validation not possible',
  '20': 'FRAUD',
  '21': 'Not Submitted',
  '22': 'FRAUD-CANCELLED',
  '23': 'Transaction Not Permitted',
  '24': 'CVC Declined',
  '25': 'Restricted Card',
  '26': 'Revocation Of Auth',
  '27': 'Declined Non Generic',
  '28': 'Withdrawal amount exceeded',
  '29': 'Withdrawal count exceeded',
  '31': 'Issuer Suspected Fraud',
  '32': 'AVS Declined',
  '33': 'Card requires online pin',
  '34': 'No checking account available on Card',
  '35': 'No savings account available on Card',
  '36': 'Mobile pin required',
  '37': 'Contactless fallback',
  '38': 'Authentication required',
  '39': 'RReq not received from DS',
  '40': 'Current AID is in Penalty Box',
  '41': 'CVM Required Restart Payment',
  '42': 'Declined Non Generic (scheme)',
  '43': 'Mobile pin',
  '44': 'Other scheme refusal',
} as const;
export type AdyenRefusalCode = keyof typeof ADYEN_REFUSAL_CODES;

export function isAdyenRefusalCode(x: string): x is AdyenRefusalCode {
  return Object.prototype.hasOwnProperty.call(ADYEN_REFUSAL_CODES, x);
}

export interface MappedRefusal {
  readonly code: FailureCode;
  readonly hard: boolean;
}

const hard = (code: FailureCode): MappedRefusal => ({ code, hard: true });
const soft = (code: FailureCode): MappedRefusal => ({ code, hard: false });

/** Maps one code; unknown or absent codes are a generic hard decline (never cascade on the unknown). */
export function mapAdyenRefusalCode(raw: string | undefined): MappedRefusal {
  if (raw === undefined || !isAdyenRefusalCode(raw)) return hard('card_declined');
  const code: AdyenRefusalCode = raw;
  switch (code) {
    case '2':
    case '3':
    case '15':
    case '16':
    case '17':
    case '18':
    case '26':
    case '27':
    case '32':
    case '34':
    case '35':
    case '40':
    case '42':
    case '44':
      return hard('card_declined');
    case '4':
    case '21':
      // The acquirer failed or never sent it: nothing reached the issuer.
      return soft('processing_error');
    case '9':
    case '19':
      return soft('try_again_later');
    case '5':
    case '10':
    case '23':
    case '25':
      return hard('restricted_card');
    case '6':
      return hard('expired_card');
    case '7':
      return hard('invalid_request');
    case '8':
      return hard('incorrect_number');
    case '11':
    case '33':
    case '36':
    case '37':
    case '38':
    case '39':
    case '41':
    case '43':
      return hard('authentication_required');
    case '12':
      return hard('insufficient_funds');
    case '14':
    case '20':
    case '22':
    case '31':
      return hard('fraudulent');
    case '24':
      return hard('incorrect_cvc');
    case '28':
    case '29':
      return hard('card_velocity_exceeded');
    default:
      return assertNever(code);
  }
}

/**
 * Visa decline category of a raw Visa response code (Visa Core Rules; "Decline Excessive
 * Reattempts", 2021): 1 = issuer will never approve, 2 = cannot approve now, 3 = data quality,
 * 4 = generic. Adyen passes the raw code in `additionalData.refusalReasonRaw` ("05 : Do not honor").
 */
export function visaDeclineCategory(refusalReasonRaw: string | undefined): string | undefined {
  const m = refusalReasonRaw === undefined ? null : /^\s*([0-9A-Z]{2})\b/.exec(refusalReasonRaw);
  if (!m) return undefined;
  const rc = m[1] as string;
  if (['04', '07', '12', '15', '41', '43', '46', '57', 'R0', 'R1', 'R3'].includes(rc)) return '1';
  if (['03', '19', '39', '51', '52', '53', '59', '61', '62', '65', '75', '78', '86', '91', '93', '96', 'N3', 'N4'].includes(rc)) return '2';
  if (['14', '54', '55', '70', '82', '1A', 'N7'].includes(rc)) return '3';
  return '4';
}

/** `additionalData.merchantAdviceCode` is "01: New account information available"; we keep the code. */
export function merchantAdviceCode(raw: string | undefined): string | undefined {
  const m = raw === undefined ? null : /^\s*(\d{1,2})/.exec(raw);
  return m ? (m[1] as string).padStart(2, '0') : undefined;
}
