/** Pix keys (PIX_SPEC §2): classification by shape, DICT validation, errors that name the expected type. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PixKeyError, classifyPixKey, isValidPixKey, validatePixKey, type PixKeyType } from '../../../functions/core/pix/index.js';
import { cnpjAlnumArb, cnpjNumericArb, cpfArb, emailArb, evpArb, phoneArb } from './support.js';

function expectedTypeOf(key: string): string {
  try {
    validatePixKey(key);
  } catch (e) {
    if (!(e instanceof PixKeyError)) throw e;
    expect(e.message).toMatch(/^expected /);
    if (key.length >= 6) expect(e.message).not.toContain(key); // keys are PII: never echoed
    return e.expectedType;
  }
  throw new Error(`expected ${key} to be refused`);
}

describe('classifyPixKey follows the DICT order: + phone, @ e-mail, 36 chars EVP, 11 digits CPF, 14 chars CNPJ', () => {
  it.each<[string, PixKeyType | undefined]>([
    ['+5510998765432', 'phone'],
    ['fulano@example.com', 'email'],
    ['123e4567-e89b-12d3-a456-426614174000', 'evp'],
    ['12345678909', 'cpf'],
    ['11222333000181', 'cnpj'],
    ['12ABC34501DE35', 'cnpj'],
    ['+5511@x.com', 'phone'],
    ['43214833', undefined],
  ])('%s → %s', (key, type) => {
    expect(classifyPixKey(key)).toBe(type);
  });
});

describe('validatePixKey', () => {
  it.each<[string, PixKeyType]>([
    ['12345678909', 'cpf'],
    ['11222333000181', 'cnpj'],
    ['12ABC34501DE35', 'cnpj'],
    ['fulano.de-tal+pix@mail.example.com.br', 'email'],
    ['+5510998765432', 'phone'],
    ['+551133334444', 'phone'],
    ['123e4567-e89b-12d3-a456-426614174000', 'evp'],
  ])('accepts %s as %s (the EVP version nibble is not checked: DICT example is v1)', (key, type) => {
    expect(validatePixKey(key)).toBe(type);
  });

  it.each<[string, string]>([
    ['123.456.789-09', 'cpf'],
    ['12345678900', 'cpf'],
    ['11.222.333/0001-81', 'cnpj'],
    ['11222333000180', 'cnpj'],
    ['12abc34501de35', 'cnpj'],
    ['Fulano@Example.com', 'email'],
    ['fulano@', 'email'],
    ['5521987654321', 'phone'],
    ['+1 555 123 4567', 'phone'],
    ['+15551234567', 'phone'],
    ['+55 11 99876-5432', 'phone'],
    ['123E4567-E89B-12D3-A456-426614174000', 'evp'],
    ['123e4567e89b12d3a456426614174000', 'evp'],
    ['43214833', 'unknown'],
    ['', 'unknown'],
    [`${'a'.repeat(70)}@x.com.br`, 'email'],
  ])('refuses %s naming the expected type %s', (key, type) => {
    expect(expectedTypeOf(key)).toBe(type);
    expect(isValidPixKey(key)).toBe(false);
  });

  it('accepts every generated key of each type and classifies it as that type', () => {
    const typed = fc.oneof(
      cpfArb.map((k) => [k, 'cpf'] as const),
      cnpjNumericArb.map((k) => [k, 'cnpj'] as const),
      cnpjAlnumArb.map((k) => [k, 'cnpj'] as const),
      emailArb.map((k) => [k, 'email'] as const),
      phoneArb.map((k) => [k, 'phone'] as const),
      evpArb.map((k) => [k, 'evp'] as const),
    );
    fc.assert(
      fc.property(typed, ([key, type]) => {
        expect(validatePixKey(key)).toBe(type);
        expect(classifyPixKey(key)).toBe(type);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but PixKeyError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        try {
          validatePixKey(s);
        } catch (e) {
          expect(e).toBeInstanceOf(PixKeyError);
        }
      }),
    );
  });
});
