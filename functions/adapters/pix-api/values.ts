/**
 * Scalar conversions at the API Pix edge: amounts (`\d{1,10}\.\d{2}` strings ↔ centavos), times,
 * dates, ids and parties (devedor cpf/cnpj). Inputs we send are validated here and fail as
 * `invalid_request`; values the PSP sends that do not parse fail as `protocol`. Pure.
 */
import { PixPspError, Pii, type PixParty, type PixPartyInput } from '../../app/ports/pix-psp.js';
import { parseDecimalString, toDecimalString } from '../../core/money.js';
import { isValidCnpj, isValidCpf, isValidDynamicTxid, isValidEndToEndId } from '../../core/pix/index.js';
import type { Devedor } from './wire.js';

/** Largest amount `\d{1,10}\.\d{2}` can write: 9 999 999 999.99. */
export const MAX_PIX_AMOUNT = 999_999_999_999;

function invalid(message: string): never {
  throw new PixPspError('invalid_request', message);
}
function protocol(message: string): never {
  throw new PixPspError('protocol', message);
}

/** Centavos → `"10.50"`. `min` is 1 for charges and refunds (a 0.00 cob is Pix Saque only). */
export function toValor(amount: number, field: string, min = 1): string {
  if (!Number.isSafeInteger(amount) || amount < min || amount > MAX_PIX_AMOUNT) {
    invalid(`${field} must be an integer number of centavos from ${min} to ${MAX_PIX_AMOUNT}`);
  }
  return toDecimalString(amount, 'brl');
}

/** `"10.50"` → 1050. The spec's pattern has no anchors (PIX_SPEC §2): this one is anchored. */
export function fromValor(text: unknown, field: string): number {
  if (typeof text === 'string' && /^\d{1,10}\.\d{2}$/.test(text)) {
    const value = parseDecimalString(text, 'brl');
    if (value !== undefined) return value;
  }
  return protocol(`PSP sent an invalid amount in ${field}`);
}

/** RFC 3339 from the PSP → our ISO 8601 UTC form. */
export function fromTime(text: unknown, field: string): string {
  const t = typeof text === 'string' ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(t)) protocol(`PSP sent an invalid time in ${field}`);
  return new Date(t).toISOString();
}

/** Accepts a number or a numeric string: the spec's examples quote integers (`"expiracao":"3600"`). */
export function fromInt(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  return protocol(`PSP sent an invalid integer in ${field}`);
}

export function checkDate(date: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== date) invalid(`${field} must be a date YYYY-MM-DD`);
  return date;
}

export function checkTime(time: string, field: string): string {
  if (!Number.isFinite(Date.parse(time))) invalid(`${field} must be an RFC 3339 time`);
  return new Date(Date.parse(time)).toISOString();
}

export function checkTxid(txid: string): string {
  if (!isValidDynamicTxid(txid)) invalid('txid must be 26–35 characters of [a-zA-Z0-9] (API Pix TxId)');
  return txid;
}

export function checkEndToEndId(id: string): string {
  if (!isValidEndToEndId(id)) invalid('endToEndId must be 32 characters of [a-zA-Z0-9]');
  return id;
}

export function checkRefundId(id: string): string {
  if (!/^[a-zA-Z0-9]{1,35}$/.test(id)) invalid('refundId must be 1–35 characters of [a-zA-Z0-9] (API Pix DevolucaoId)');
  return id;
}

export function checkText(text: string | undefined, field: string, max: number): string | undefined {
  if (text === undefined) return undefined;
  if (text.length > max) invalid(`${field} has ${text.length} characters; at most ${max}`);
  return text;
}

/**
 * Our party → `devedor`. The spec's CPF pattern is written `"/^\d{11}$/"` with literal slashes
 * (PIX_SPEC §2), so this checks the documented shapes and the check digits itself; CNPJ is
 * alphanumeric since API Pix 2.9.0.
 */
export function toDevedor(party: PixPartyInput, field: string, maxName = 200): Devedor {
  const nome = party.name.trim();
  if (nome.length === 0 || nome.length > maxName) invalid(`${field}.name must have 1–${maxName} characters`);
  if (/^\d{11}$/.test(party.taxId) && isValidCpf(party.taxId)) return { cpf: party.taxId, nome };
  if (/^[0-9A-Z]{14}$/.test(party.taxId) && isValidCnpj(party.taxId)) return { cnpj: party.taxId, nome };
  return invalid(`${field}.taxId must be a valid CPF (11 digits) or CNPJ (14 of [0-9A-Z])`);
}

/** `devedor` → our party, wrapped so it cannot be logged. */
export function fromDevedor(d: Devedor | undefined): PixParty | undefined {
  if (d === undefined) return undefined;
  const taxId = d.cpf ?? d.cnpj;
  return {
    ...(d.nome !== undefined ? { name: new Pii(d.nome) } : {}),
    ...(taxId !== undefined ? { taxId: new Pii(taxId) } : {}),
  };
}

/** Drops keys whose value is undefined, so wire bodies carry no `"x": null`-like noise. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
