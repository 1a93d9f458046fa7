/**
 * Strict BR Code encoder (PIX_SPEC §1): printable ASCII only (diacritics stripped), name ≤ 25 and
 * city ≤ 15 upper-cased, `***` in 62.05 unless a static txid is given, amounts as `\d{1,10}\.\d{2}`
 * from integer centavos, URLs without scheme, upper-case CRC. Emits 00, 01, 26, 52, 53, 54, 58, 59,
 * 60, 61, 62, 80, 63 in that order (the order of the BACEN examples).
 */
import { toDecimalString } from '../money.js';
import { isAlnum, isDigits, isPrintableAscii, toBrCodeText } from './brcode-text.js';
import {
  MAX_PAYLOAD_LENGTH,
  PIX_GUI,
  type BrCodeCommonInput,
  type BrCodeInput,
  type BrCodeStaticPart,
} from './brcode-model.js';
import { crc16Hex } from './crc16.js';
import { BrCodeError } from './errors.js';
import { validatePixKey } from './pix-key.js';
import { tlv } from './tlv.js';
import { NO_TXID, isValidStaticTxid } from './txid.js';

/** Largest 54 the API Pix pattern `\d{1,10}\.\d{2}` can write: 9 999 999 999.99. */
export const MAX_BRCODE_AMOUNT = 999_999_999_999;
const MAX_INFO = 72;
const MAX_URL = 77;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const GUI_TLV = tlv('00', PIX_GUI);

function text(value: string, field: string, name: string, max: number, upper: boolean): string {
  const out = toBrCodeText(value, upper);
  if (out === undefined) throw new BrCodeError(field, `${name} (${field}) has characters outside printable ASCII even without diacritics`);
  if (out.length === 0) throw new BrCodeError(field, `${name} (${field}) is required`);
  if (out.length > max) throw new BrCodeError(field, `${name} (${field}) has ${out.length} characters; at most ${max}`);
  return out;
}

/** 26.25 / 80.25: the payer does GET https://{url}, so a scheme here would be doubled (PIX_SPEC §1.2). */
function location(url: string, field: string): string {
  if (url.length === 0) throw new BrCodeError(field, `URL (${field}) is required`);
  if (SCHEME.test(url)) throw new BrCodeError(field, `URL (${field}) must not carry a scheme; the payer app prepends https://`);
  if (!isPrintableAscii(url) || url.includes(' ')) throw new BrCodeError(field, `URL (${field}) must be printable ASCII without spaces`);
  if (url.length > MAX_URL) throw new BrCodeError(field, `URL (${field}) has ${url.length} characters; at most ${MAX_URL}`);
  return url;
}

function amountText(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_BRCODE_AMOUNT) {
    throw new BrCodeError('54', `amount must be an integer number of centavos from 1 to ${MAX_BRCODE_AMOUNT}`);
  }
  return toDecimalString(amount, 'brl');
}

function staticAccount(part: BrCodeStaticPart): string {
  validatePixKey(part.key); // throws PixKeyError naming the expected type
  let mai = GUI_TLV + tlv('01', part.key, '26.01');
  if (part.additionalInfo !== undefined && part.additionalInfo !== '') {
    mai += tlv('02', text(part.additionalInfo, '26.02', 'Additional info', MAX_INFO, false), '26.02');
  }
  if (part.fss !== undefined) {
    if (part.fss.length !== 8 || !isAlnum(part.fss)) throw new BrCodeError('26.03', 'FSS (26.03) must be an 8-character ISPB');
    mai += tlv('03', part.fss, '26.03');
  }
  if (mai.length > 99) {
    throw new BrCodeError('26', `merchant account template (26) would be ${mai.length} characters; at most 99 (shorten the additional info)`);
  }
  return mai;
}

function staticTxid(txid: string | undefined): string {
  if (txid === undefined || txid === NO_TXID) return NO_TXID;
  if (!isValidStaticTxid(txid)) throw new BrCodeError('62.05', 'a static txid (62.05) is 1–25 characters of [A-Za-z0-9] (bacen/pix-api#212)');
  return txid;
}

function common(input: BrCodeCommonInput, hasUrl: boolean): { head: string; mcc: string; name: string; city: string; postal: string } {
  const poi = input.pointOfInitiationMethod ?? (hasUrl ? '12' : undefined);
  if (poi !== undefined && poi !== '11' && poi !== '12') throw new BrCodeError('01', 'Point of Initiation Method (01) must be "11" or "12"');
  const mcc = input.mcc ?? '0000';
  if (mcc.length !== 4 || !isDigits(mcc)) throw new BrCodeError('52', 'Merchant Category Code (52) must be 4 digits');
  let postal = '';
  if (input.postalCode !== undefined) {
    if (input.postalCode.length !== 8 || !isDigits(input.postalCode)) throw new BrCodeError('61', 'Postal Code (61) must be an 8-digit CEP');
    postal = tlv('61', input.postalCode);
  }
  return {
    head: `000201${poi === undefined ? '' : `0102${poi}`}`,
    name: text(input.merchantName, '59', 'Merchant Name', 25, true),
    city: text(input.merchantCity, '60', 'Merchant City', 15, true),
    mcc,
    postal,
  };
}

/**
 * Encodes a BR Code of any kind.
 *
 * @throws {BrCodeError} naming the field for any value the manual does not allow.
 * @throws {PixKeyError} when a static key does not match its DICT format.
 */
export function encodeBrCode(input: BrCodeInput): string {
  const hasKey = input.kind === 'static' || (input.kind === 'composite' && input.key !== undefined);
  const hasUrl = input.kind === 'dynamic' || (input.kind === 'composite' && input.url !== undefined);
  if (input.kind === 'composite' && hasKey === hasUrl) {
    throw new BrCodeError('26', 'a composite code has exactly one of key (26.01) or url (26.25)');
  }
  const c = common(input, hasUrl);
  let mai: string;
  let amount = '';
  let txid = NO_TXID;
  if (hasKey) {
    const part = input as BrCodeStaticPart;
    mai = staticAccount(part);
    if (part.amount !== undefined) amount = tlv('54', amountText(part.amount));
    txid = staticTxid(part.txid);
  } else if (hasUrl) {
    mai = GUI_TLV + tlv('25', location((input as { url: string }).url, '26.25'), '26.25');
  } else {
    mai = GUI_TLV; // rec-only: 26 holds only the GUI (Pix Automático Jornada 2, PIX_SPEC §1.2)
  }
  let rec = '';
  if (input.kind === 'rec-only' || input.kind === 'composite') {
    rec = tlv('80', GUI_TLV + tlv('25', location(input.recUrl, '80.25'), '80.25'), '80');
  }
  const body =
    c.head +
    tlv('26', mai) +
    tlv('52', c.mcc) +
    '5303986' +
    amount +
    '5802BR' +
    tlv('59', c.name) +
    tlv('60', c.city) +
    c.postal +
    tlv('62', tlv('05', txid)) +
    rec +
    '6304';
  const payload = body + crc16Hex(body);
  if (payload.length > MAX_PAYLOAD_LENGTH) throw new BrCodeError('payload', `payload would be ${payload.length} characters; at most ${MAX_PAYLOAD_LENGTH}`);
  return payload;
}
