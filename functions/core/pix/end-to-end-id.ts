/**
 * endToEndId (PIX_SPEC §3.5): the SPI only mandates 32 alphanumerics; the observed structure is
 * `E` + 8-char ISPB of the payer's institution + `yyyyMMddHHmm` + 11 alphanumerics. Validation by
 * default checks length and charset only (iss:542, iss:592): the ISPB may become alphanumeric
 * (API Pix 2.9.0) and other institutions' ids must not be refused for their semantics.
 */
import { PixIdError } from './errors.js';
import { isAlnum } from './brcode-text.js';
import { randomAlnum, type RandomBytes } from './random-alnum.js';

const LENGTH = 32;

/** The parts of an endToEndId that follows the observed structure. */
export interface EndToEndIdParts {
  readonly ispb: string;
  /** `yyyyMMddHHmm`, UTC. */
  readonly timestamp: string;
  readonly sequence: string;
}

function isValidTimestamp(ts: string): boolean {
  if (!/^\d{12}$/.test(ts)) return false;
  const y = Number(ts.slice(0, 4));
  const mo = Number(ts.slice(4, 6));
  const d = Number(ts.slice(6, 8));
  const h = Number(ts.slice(8, 10));
  const mi = Number(ts.slice(10, 12));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return d <= days;
}

/**
 * True for an endToEndId. Default: 32 alphanumerics (what the SPI mandates). With
 * `{ structured: true }` also the observed structure: `E`, an 8-alphanumeric ISPB, a real UTC
 * date-time `yyyyMMddHHmm`, and 11 alphanumerics.
 */
export function isValidEndToEndId(id: string, options: { structured?: boolean } = {}): boolean {
  if (id.length !== LENGTH || !isAlnum(id)) return false;
  if (!options.structured) return true;
  return parseEndToEndId(id) !== undefined;
}

/** The structured parts, or undefined when `id` does not follow the observed structure. */
export function parseEndToEndId(id: string): EndToEndIdParts | undefined {
  if (id.length !== LENGTH || !isAlnum(id) || id[0] !== 'E') return undefined;
  const timestamp = id.slice(9, 21);
  if (!isValidTimestamp(timestamp)) return undefined;
  return { ispb: id.slice(1, 9), timestamp, sequence: id.slice(21) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A new endToEndId for a payment initiated by institution `ispb` at `now` (UTC), with an
 * 11-character random suffix from the injected source.
 * @throws {PixIdError} for an ISPB that is not 8 alphanumerics, an invalid date, or a broken source.
 */
export function generateEndToEndId(input: { ispb: string; now: Date; random: RandomBytes }): string {
  const { ispb, now, random } = input;
  if (ispb.length !== 8 || !isAlnum(ispb)) throw new PixIdError('endToEndId', 'the ISPB must be 8 alphanumerics');
  const t = now.getTime();
  if (!Number.isFinite(t)) throw new PixIdError('endToEndId', 'invalid date');
  const year = now.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new PixIdError('endToEndId', 'the year must have 4 digits');
  const timestamp =
    pad(year, 4) + pad(now.getUTCMonth() + 1, 2) + pad(now.getUTCDate(), 2) + pad(now.getUTCHours(), 2) + pad(now.getUTCMinutes(), 2);
  return `E${ispb}${timestamp}${randomAlnum(random, 11, 'endToEndId')}`;
}
