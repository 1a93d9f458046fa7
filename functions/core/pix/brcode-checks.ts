/**
 * Field checks of the BR Code decoder that either refuse (BrCodeError naming the field) or record a
 * tolerated deviation in `warnings` (PIX_SPEC §1.2). Split from brcode-decode.ts to keep it readable.
 */
import { parseDecimalString } from '../money.js';
import { isDigits, isPrintableAscii } from './brcode-text.js';
import type { BrCodeFields, BrCodeKind } from './brcode-model.js';
import { BrCodeError } from './errors.js';
import { NO_TXID, isValidStaticTxid } from './txid.js';

const MAX_AMOUNT_TEXT = 13; // BR Code 54 ≤ 13 chars (PIX_SPEC §1.2)
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `^\d+(\.\d{1,2})?$`, ≤ 13 chars → centavos (string arithmetic, never floats). */
export function decodeAmount(text: string, warnings: string[]): number {
  if (text.length > MAX_AMOUNT_TEXT) throw new BrCodeError('54', `amount has ${text.length} characters; at most ${MAX_AMOUNT_TEXT}`);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  if (int.length === 0 || !isDigits(int) || (dot >= 0 && (frac.length === 0 || !isDigits(frac)))) {
    throw new BrCodeError('54', 'amount must be digits with "." as decimal separator and no thousands separator');
  }
  if (frac.length > 2) throw new BrCodeError('54', 'amount has more than 2 decimals; BRL has centavos only');
  const amount = parseDecimalString(text, 'brl');
  if (amount === undefined) throw new BrCodeError('54', 'amount is out of range');
  if (frac.length !== 2) warnings.push(`54: amount "${text}" not written with 2 decimals (\\d{1,10}\\.\\d{2}); many apps refuse it (PIX_SPEC §1.2)`);
  if (amount === 0) warnings.push('54: amount is zero; the payer app may ask for an amount or refuse the code');
  return amount;
}

/**
 * 26.25 / 80.25: warns about a scheme the payer app would double. No length check is needed: the
 * GUI takes 18 of the template's 99 characters, so a URL (like a 26.01 key) cannot exceed 77.
 */
export function checkLocation(url: string, field: string, warnings: string[]): void {
  if (SCHEME.test(url)) {
    warnings.push(`${field}: URL carries a scheme; the payer app prepends https:// itself (PIX_SPEC §1.2)`);
  }
}

/** Names the text fields holding non-ASCII characters (PIX_SPEC §1.1); called only when the payload has some. */
export function checkText(fields: Partial<BrCodeFields>, accountId: string, recId: string, warnings: string[]): void {
  const text: [string, string | undefined][] = [
    ['59', fields.merchant_name], ['60', fields.merchant_city], [`${accountId}.02`, fields.additional_info],
    [`${accountId}.01`, fields.key], [`${accountId}.25`, fields.url], ['62.05', fields.txid], [`${recId}.25`, fields.rec_url],
  ];
  const bad = text.filter(([, v]) => v !== undefined && !isPrintableAscii(v)).map(([f]) => f);
  warnings.push(
    `${bad[0] ?? 'payload'}: characters outside printable ASCII${bad.length > 1 ? ` (also in ${bad.slice(1).join(', ')})` : ''}; ` +
      'LEN read as a character count (PIX_SPEC §1.1)',
  );
}

/** 62.05 rules per kind (PIX_SPEC §1.2): a txid in a dynamic code or a malformed static txid is a warning. */
export function checkTxid(kind: BrCodeKind, fields: Partial<BrCodeFields>, warnings: string[]): void {
  const txid = fields.txid;
  if (txid === undefined || txid === NO_TXID) return;
  if (fields.key === undefined) {
    // Stone, Safra, BS2 put a txid in dynamic codes (PIX_SPEC §1.2; bacen/pix-api#245): tolerate, never trust.
    warnings.push(`62.05: ${kind} code carries a txid instead of ***; payers must ignore it and use the JWS payload`);
  } else if (!isValidStaticTxid(txid)) {
    warnings.push('62.05: txid is not 1–25 characters of [A-Za-z0-9] (bacen/pix-api#212); many apps refuse it');
  }
}

