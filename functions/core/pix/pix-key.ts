/**
 * Pix keys (DICT, PIX_SPEC §2): classify by shape, validate against the DICT pattern of that type.
 * Error messages never echo the key (it is PII: a CPF, phone or e-mail; STYLE.md practice 13).
 */
import { PixKeyError, type PixKeyType } from './errors.js';
import { isValidCnpj, isValidCpf } from './tax-id.js';

/** DICT 1.8.0 e-mail pattern: lower-case only. */
const EMAIL = /^[a-z0-9.!#$&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** DICT EVP: lower-case UUID. The version nibble is not checked (DICT's own example is a v1 UUID). */
const EVP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** DICT phone is E.164 `^\+[1-9][0-9]\d{1,14}$`; Pix phone keys are always +55 + DDD + 8–9 digits. */
const PHONE_BR = /^\+55[1-9]\d{9,10}$/;
const MAX_KEY_LENGTH = 77;

/**
 * The key type a string's shape points to, in the DICT order of PIX_SPEC §2: `+` → phone,
 * `@` → e-mail, 36 characters → EVP, 11 digits → CPF (an 11-digit string is never a phone: DICT
 * phone keys always carry +55), 14 characters → CNPJ. Shape only: the result is not validated.
 */
export function classifyPixKey(key: string): PixKeyType | undefined {
  if (key.startsWith('+')) return 'phone';
  if (key.includes('@')) return 'email';
  if (key.length === 36) return 'evp';
  if (key.length === 11 && /^\d+$/.test(key)) return 'cpf';
  if (key.length === 14) return 'cnpj';
  return undefined;
}

/** A looser guess used only to name the expected type in errors (masked CPF, phone without +). */
function guessType(key: string): PixKeyType | 'unknown' {
  // Masks first: "123.456.789-09" is 14 characters, which the shape rule would take for a CNPJ.
  if (/^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(key)) return 'cpf';
  if (/^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}$/.test(key)) return 'cnpj';
  const shape = classifyPixKey(key);
  if (shape !== undefined) return shape;
  if (/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(key)) return 'evp';
  const bare = key.replace(/[\s.\-/()]/g, '');
  if (/^\d{11}$/.test(bare) && /^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/.test(key)) return 'cpf';
  if (/^[0-9A-Za-z]{12}\d{2}$/.test(bare)) return 'cnpj';
  if (/^(55)?\d{10,11}$/.test(bare)) return 'phone';
  if (/^\d{9,11}$/.test(bare)) return 'cpf';
  return 'unknown';
}

function fail(type: PixKeyType | 'unknown', why: string): never {
  const label = type === 'unknown' ? 'a Pix key (CPF, CNPJ, e-mail, +55 phone or EVP)' : `a ${type.toUpperCase()} Pix key`;
  throw new PixKeyError(type, `expected ${label}: ${why}`);
}

/**
 * Validates a Pix key against the DICT format of the type its shape points to.
 *
 * @returns the key type.
 * @throws {PixKeyError} naming the expected type and what is wrong, without echoing the key.
 */
export function validatePixKey(key: string): PixKeyType {
  if (key.length === 0) fail('unknown', 'the key is empty');
  if (key.length > MAX_KEY_LENGTH) fail(guessType(key), `at most ${MAX_KEY_LENGTH} characters (API Pix chave)`);
  const type = guessType(key);
  switch (type) {
    case 'phone':
      if (!PHONE_BR.test(key)) fail(type, 'write it as +55, the 2-digit area code and the 8- or 9-digit number, digits only (e.g. +5511998765432)');
      return type;
    case 'email':
      if (key !== key.toLowerCase() && EMAIL.test(key.toLowerCase())) fail(type, 'DICT e-mail keys are lower-case');
      if (!EMAIL.test(key)) fail(type, 'not a valid e-mail address per the DICT pattern');
      return type;
    case 'evp':
      if (key.length === 36 && EVP.test(key.toLowerCase()) && !EVP.test(key)) fail(type, 'EVP keys are lower-case UUIDs');
      if (!EVP.test(key)) fail(type, 'a 36-character lower-case UUID (8-4-4-4-12 hex)');
      return type;
    case 'cpf':
      if (!/^\d{11}$/.test(key)) fail(type, '11 digits without punctuation');
      if (!isValidCpf(key)) fail(type, 'check digits do not match');
      return type;
    case 'cnpj':
      if (!/^[0-9A-Z]{12}\d{2}$/.test(key)) fail(type, '14 characters without punctuation: 12 of [0-9A-Z] then 2 check digits');
      if (!isValidCnpj(key)) fail(type, 'check digits do not match');
      return type;
    case 'unknown':
      return fail(type, 'the shape matches no DICT key type');
  }
}

/** True when {@link validatePixKey} accepts the key. */
export function isValidPixKey(key: string): boolean {
  try {
    validatePixKey(key);
    return true;
  } catch {
    return false;
  }
}
