/**
 * Generic EMV TLV reader and writer (PIX_SPEC §1.1): `ID` (2 digits) + `LEN` (2 digits) + `VALUE`.
 * The reader makes no assumption about the order of IDs (EMV only fixes 00 first and 63 last, which
 * the BR Code decoder checks itself). LEN counts UTF-16 code units of the JS string: for the
 * non-ASCII payloads met in the wild LEN counts characters, not bytes (PIX_SPEC §1.1, vector V_B4F6).
 */
import { BrCodeError } from './errors.js';

export interface TlvObject {
  /** Two-digit ID, e.g. "26". */
  readonly id: string;
  readonly value: string;
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Object path as reported in {@link BrCodeError.field}: "59" at the top level, "26.25" nested. */
export function fieldPath(parent: string, id: string): string {
  return parent === '' ? id : `${parent}.${id}`;
}

/**
 * Splits `text.slice(start, end)` into TLV objects.
 *
 * @param parent path of the enclosing template ("" for the payload, "26" for a template's value),
 *   used to name the offending object in errors.
 * @throws {BrCodeError} when an ID or LEN is not two digits, a LEN is 00, a VALUE runs past the
 *   end, or an ID appears twice in the same template (EMV: each ID at most once; a second amount or
 *   key would make the payload ambiguous).
 */
export function parseTlv(text: string, start: number, end: number, parent: string): TlvObject[] {
  const out: TlvObject[] = [];
  const seen = [0, 0, 0, 0];
  let i = start;
  while (i < end) {
    const where = parent === '' ? 'payload' : parent;
    if (i + 4 > end) {
      throw new BrCodeError(where, `truncated TLV header at offset ${i - start} of ${where}`);
    }
    const d0 = digit(text, i);
    const d1 = digit(text, i + 1);
    if (d0 < 0 || d1 < 0) {
      throw new BrCodeError(where, `ID at offset ${i - start} of ${where} is not two digits`);
    }
    const idNum = d0 * 10 + d1;
    const id = text.slice(i, i + 2);
    const field = fieldPath(parent, id);
    const l0 = digit(text, i + 2);
    const l1 = digit(text, i + 3);
    if (l0 < 0 || l1 < 0) throw new BrCodeError(field, `LEN of ${field} is not two digits`);
    const len = l0 * 10 + l1;
    if (len === 0) throw new BrCodeError(field, `LEN of ${field} is 00; EMV values are at least 1 character`);
    const valueStart = i + 4;
    const valueEnd = valueStart + len;
    if (valueEnd > end) {
      throw new BrCodeError(field, `${field} declares LEN ${len} but only ${end - valueStart} characters remain`);
    }
    const word = idNum >>> 5;
    const bit = 1 << (idNum & 31);
    if ((seen[word]! & bit) !== 0) throw new BrCodeError(field, `${field} appears more than once`);
    seen[word]! |= bit;
    out.push({ id, value: text.slice(valueStart, valueEnd) });
    i = valueEnd;
  }
  return out;
}

/** First object with `id`, or undefined. Lists are short (≤ ~20 objects), so a scan beats a Map. */
export function findTlv(objects: readonly TlvObject[], id: string): string | undefined {
  for (let k = 0; k < objects.length; k++) {
    const o = objects[k]!;
    if (o.id === id) return o.value;
  }
  return undefined;
}

/**
 * Writes one TLV object. The caller guarantees `id` is two digits.
 * @throws {BrCodeError} when the value is empty or longer than 99 characters.
 */
export function tlv(id: string, value: string, field: string = id): string {
  const n = value.length;
  if (n === 0) throw new BrCodeError(field, `${field} must not be empty`);
  if (n > 99) throw new BrCodeError(field, `${field} is ${n} characters; a TLV value holds at most 99`);
  return id + (n < 10 ? `0${n}` : `${n}`) + value;
}
