/**
 * BR Code decoder (PIX_SPEC §1). Strict where a wrong reading could move money to the wrong place
 * or by the wrong amount (CRC, structure, key/URL ambiguity, amount syntax, lengths), tolerant of
 * the deviations real bank QRs carry, which are reported in `warnings` (PIX_SPEC §1.1–§1.3).
 * Throws only {@link BrCodeError}, whatever the input.
 */
import { checkLocation, checkText, checkTxid, decodeAmount } from './brcode-checks.js';
import { isAlnum, isDigits, isPrintableAscii } from './brcode-text.js';
import { MAX_PAYLOAD_LENGTH, PIX_GUI, type BrCodeFields, type BrCodeKind, type DecodedBrCode } from './brcode-model.js';
import { crc16, crc16Hex } from './crc16.js';
import { BrCodeError } from './errors.js';
import { isValidPixKey, validatePixKey } from './pix-key.js';
import { findTlv, parseTlv, type TlvObject } from './tlv.js';

const MAX_INFO = 72; // ex-pix-brcode cap on 26.02

/** A merchant account template (26–51, or 80–99 for the rec location) whose GUI is the Pix one. */
interface PixTemplate {
  readonly id: string;
  readonly gui: string;
  readonly objects: TlvObject[];
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

function isPixGui(gui: string | undefined): gui is string {
  // The BR Code manual example and many banks write BR.GOV.BCB.PIX (PIX_SPEC §1.2, vectors V_AD38, V_8E06).
  return gui !== undefined && gui.length === PIX_GUI.length && gui.toLowerCase() === PIX_GUI;
}

function isHex4(s: string): boolean {
  if (s.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Verifies the trailing CRC object (PIX_SPEC §1.3) before anything is interpreted. */
function checkCrc(payload: string, warnings: string[]): string {
  const n = payload.length;
  if (n < 8 || payload.slice(n - 8, n - 4) !== '6304') {
    throw new BrCodeError('63', 'CRC object missing: the payload must end with 6304 and 4 hex digits');
  }
  const written = payload.slice(n - 4);
  if (!isHex4(written)) throw new BrCodeError('63', 'CRC value is not 4 hex digits');
  const computed = crc16(payload, 0, n - 4);
  if (Number.parseInt(written, 16) !== computed) {
    // A wrong CRC must be refused (BACEN maintainer, bacen/pix-api#444).
    throw new BrCodeError('63', `CRC mismatch: the payload says ${written.toUpperCase()}, its content gives ${crc16Hex(payload, 0, n - 4)}`);
  }
  if (written !== written.toUpperCase()) warnings.push('63: CRC written in lower-case hex; accepted (PIX_SPEC §1.3)');
  return written;
}

function parseTemplate(value: string, id: string): TlvObject[] {
  return parseTlv(value, 0, value.length, id);
}

/** Reads the Pix merchant account template (26.xx): key, info, FSS, URL. */
function readMerchantAccount(t: PixTemplate, fields: Partial<BrCodeFields>, warnings: string[]): void {
  for (const o of t.objects) {
    const path = `${t.id}.${o.id}`;
    switch (o.id) {
      case '00':
        break;
      case '01':
        fields.key = o.value;
        break;
      case '02':
        fields.additional_info = o.value;
        break;
      case '03':
        fields.fss = o.value;
        break;
      case '25':
        checkLocation(o.value, path, warnings);
        fields.url = o.value;
        break;
      default:
        warnings.push(`${path}: unknown object in the Pix merchant account template; ignored`);
    }
  }
  if (fields.key !== undefined && fields.url !== undefined) {
    throw new BrCodeError(`${t.id}.25`, `both a key (${t.id}.01) and a URL (${t.id}.25); exactly one is allowed (PIX_SPEC §1.2)`);
  }
  if (fields.key !== undefined && !isValidPixKey(fields.key)) {
    let why = '';
    try {
      validatePixKey(fields.key);
    } catch (e) {
      why = e instanceof Error ? `: ${e.message}` : '';
    }
    warnings.push(`${t.id}.01: key does not match a DICT key format${why}; the DICT lookup will likely fail`);
  }
  if (fields.additional_info !== undefined) {
    if (fields.url !== undefined) warnings.push(`${t.id}.02: additional info in a dynamic code; static codes only`);
    if (fields.additional_info.length > MAX_INFO) warnings.push(`${t.id}.02: additional info longer than ${MAX_INFO} characters`);
  }
  if (fields.fss !== undefined) {
    if (fields.url !== undefined) warnings.push(`${t.id}.03: FSS in a dynamic code; static codes only`);
    if (fields.fss.length !== 8 || !isAlnum(fields.fss)) warnings.push(`${t.id}.03: FSS is not an 8-character ISPB`);
  }
}

function readAdditionalData(value: string, fields: Partial<BrCodeFields>, warnings: string[]): void {
  const objects = parseTemplate(value, '62');
  const txid = findTlv(objects, '05');
  if (txid === undefined) {
    // Itaú homologation emitted a 62 without 05 (PIX_SPEC §1.2, vector V_10C4).
    warnings.push('62.05: txid missing; the Pix manual requires it (*** when unused)');
    return;
  }
  fields.txid = txid;
}

function classify(fields: Partial<BrCodeFields>): BrCodeKind {
  if (fields.rec_url !== undefined) return fields.key !== undefined || fields.url !== undefined ? 'composite' : 'rec-only';
  return fields.key !== undefined ? 'static' : 'dynamic';
}

function required(value: string | undefined, id: string, name: string): string {
  if (value === undefined) throw new BrCodeError(id, `${name} (${id}) is required`);
  return value;
}

/**
 * Decodes a BR Code ("Pix copia e cola") into the API.md decode response.
 *
 * Refuses (with {@link BrCodeError} naming the field): a non-string or empty payload, > 512
 * characters, a missing or wrong CRC (63), broken TLV anywhere, 00 not first or not "01", no Pix
 * merchant account template in 26–51, both 26.01 and 26.25, neither of them without 80.25,
 * missing/invalid 52, 53 ≠ 986, 58 ≠ BR, name > 25 or city > 15, a malformed amount, URL/key too long.
 * Tolerates with a warning: surrounding whitespace, lower-case CRC hex, non-ASCII text, `https://`
 * in a URL, a txid in a dynamic code, amounts without 2 decimals, a missing 62/62.05, and more.
 */
export function decodeBrCode(input: string): DecodedBrCode {
  if (typeof input !== 'string') throw new BrCodeError('payload', 'payload must be a string');
  const warnings: string[] = [];
  let payload = input;
  if (payload.length > 0 && (isWhitespace(payload.charCodeAt(0)) || isWhitespace(payload.charCodeAt(payload.length - 1)))) {
    payload = payload.trim();
    warnings.push('payload: surrounding whitespace removed');
  }
  if (payload.length === 0) throw new BrCodeError('payload', 'payload is empty');
  if (payload.length > MAX_PAYLOAD_LENGTH) {
    throw new BrCodeError('payload', `payload has ${payload.length} characters; at most ${MAX_PAYLOAD_LENGTH} (API Pix pixCopiaECola)`);
  }
  const crc = checkCrc(payload, warnings);
  const top = parseTlv(payload, 0, payload.length, '');
  const first = top[0]!;
  if (first.id !== '00') throw new BrCodeError('00', 'the payload must start with 00 (Payload Format Indicator)');
  if (first.value !== '01') throw new BrCodeError('00', 'Payload Format Indicator (00) must be "01"');
  const last = top[top.length - 1]!;
  if (last.id !== '63' || last.value.length !== 4) throw new BrCodeError('63', 'the CRC object (63) must be the last object');

  const fields: Partial<BrCodeFields> = { payload_format_indicator: first.value };
  let account: PixTemplate | undefined;
  let rec: PixTemplate | undefined;
  for (let k = 1; k < top.length - 1; k++) {
    const o = top[k]!;
    const n = (o.id.charCodeAt(0) - 48) * 10 + (o.id.charCodeAt(1) - 48);
    if (n >= 26 && n <= 51) {
      const objects = parseTemplate(o.value, o.id);
      const gui = findTlv(objects, '00');
      if (!isPixGui(gui)) continue; // another scheme's merchant account: not ours to read
      if (account) throw new BrCodeError(o.id, `a second Pix merchant account template (${account.id} and ${o.id})`);
      account = { id: o.id, gui, objects };
      continue;
    }
    if (n >= 80) {
      const objects = parseTemplate(o.value, o.id);
      const gui = findTlv(objects, '00');
      const url = findTlv(objects, '25');
      if (!isPixGui(gui) || url === undefined) continue;
      if (rec) throw new BrCodeError(`${o.id}.25`, `a second Pix recurrence location (${rec.id} and ${o.id})`);
      checkLocation(url, `${o.id}.25`, warnings);
      rec = { id: o.id, gui, objects };
      fields.rec_url = url;
      continue;
    }
    switch (o.id) {
      case '01':
        if (o.value !== '11' && o.value !== '12') throw new BrCodeError('01', 'Point of Initiation Method (01) must be "11" or "12"');
        fields.point_of_initiation_method = o.value;
        break;
      case '52':
        if (o.value.length !== 4 || !isDigits(o.value)) throw new BrCodeError('52', 'Merchant Category Code (52) must be 4 digits');
        fields.mcc = o.value;
        break;
      case '53':
        if (o.value !== '986') throw new BrCodeError('53', 'Transaction Currency (53) must be 986 (BRL)');
        fields.currency = o.value;
        break;
      case '54':
        fields.amount_text = o.value;
        fields.amount = decodeAmount(o.value, warnings);
        break;
      case '58':
        if (o.value !== 'BR') throw new BrCodeError('58', 'Country Code (58) must be BR');
        fields.country = o.value;
        break;
      case '59':
        if (o.value.length > 25) throw new BrCodeError('59', `Merchant Name (59) has ${o.value.length} characters; at most 25`);
        fields.merchant_name = o.value;
        break;
      case '60':
        if (o.value.length > 15) throw new BrCodeError('60', `Merchant City (60) has ${o.value.length} characters; at most 15`);
        fields.merchant_city = o.value;
        break;
      case '61':
        if (o.value.length !== 8 || !isDigits(o.value)) warnings.push('61: postal code is not an 8-digit CEP');
        fields.postal_code = o.value;
        break;
      case '62':
        readAdditionalData(o.value, fields, warnings);
        break;
      case '64':
        break; // EMV language template: not used by Pix
      default:
        // 02–25: other schemes' primitive merchant accounts (EMV); 55–57: tip/fee indicators; 65–79: RFU.
        if (n > 25) warnings.push(`${o.id}: object not used by Pix; ignored`);
    }
  }
  if (!account) throw new BrCodeError('26', 'no merchant account template (26–51) with GUI br.gov.bcb.pix');
  fields.gui = account.gui;
  readMerchantAccount(account, fields, warnings);
  if (fields.key === undefined && fields.url === undefined && fields.rec_url === undefined) {
    throw new BrCodeError(account.id, `neither a key (${account.id}.01) nor a URL (${account.id}.25), and no recurrence URL (80.25)`);
  }
  required(fields.mcc, '52', 'Merchant Category Code');
  required(fields.currency, '53', 'Transaction Currency');
  required(fields.country, '58', 'Country Code');
  required(fields.merchant_name, '59', 'Merchant Name');
  required(fields.merchant_city, '60', 'Merchant City');
  if (findTlv(top, '62') === undefined) warnings.push('62: Additional Data Field Template missing; the Pix manual requires it with 05 (*** when unused)');
  const kind = classify(fields);
  if (fields.amount_text !== undefined && fields.key === undefined) {
    warnings.push(`54: amount in a ${kind} code; payers must ignore it and use the JWS payload (bacen/pix-api#245)`);
  }
  checkTxid(kind, fields, warnings);
  if (!isPrintableAscii(payload)) checkText(fields, account.id, rec?.id ?? '80', warnings);
  fields.crc = crc;
  return { kind, fields: order(fields as BrCodeFields), warnings };
}

const ORDER: readonly (keyof BrCodeFields)[] = [
  'payload_format_indicator', 'point_of_initiation_method', 'gui', 'key', 'additional_info', 'url', 'fss', 'mcc',
  'currency', 'amount', 'amount_text', 'country', 'merchant_name', 'merchant_city', 'postal_code', 'txid', 'rec_url', 'crc',
];

/** Same fields in the API.md order, so the JSON reads the same whatever the payload's order. */
function order(fields: BrCodeFields): BrCodeFields {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (fields[k] !== undefined) out[k] = fields[k];
  return out as unknown as BrCodeFields;
}
