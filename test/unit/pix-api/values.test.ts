import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';
import {
  MAX_PIX_AMOUNT,
  checkDate,
  checkEndToEndId,
  checkRefundId,
  checkTxid,
  fromDevedor,
  fromInt,
  fromTime,
  fromValor,
  toDevedor,
  toValor,
} from '../../../functions/adapters/pix-api/values.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof PixPspError ? e.code : 'other';
  }
  return 'none';
};

describe('amount conversion at the API Pix edge', () => {
  it('centavos → "\\d{1,10}\\.\\d{2}" → centavos is the identity over the whole API range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PIX_AMOUNT }), (n) => {
        const text = toValor(n, 'amount');
        expect(text).toMatch(/^\d{1,10}\.\d{2}$/);
        expect(fromValor(text, 'valor')).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the examples of the spec', () => {
    expect(toValor(1, 'a')).toBe('0.01');
    expect(toValor(1050, 'a')).toBe('10.50');
    expect(toValor(12399, 'a')).toBe('123.99');
    expect(toValor(MAX_PIX_AMOUNT, 'a')).toBe('9999999999.99');
  });

  it('refuses amounts we cannot send: zero, negative, fractional, beyond 10 integer digits', () => {
    for (const bad of [0, -1, 1.5, MAX_PIX_AMOUNT + 1, Number.NaN]) expect(codeOf(() => toValor(bad, 'a'))).toBe('invalid_request');
    expect(toValor(0, 'a', 0)).toBe('0.00');
  });

  it('refuses amounts the PSP sends outside the anchored pattern (protocol error)', () => {
    for (const bad of ['10.5', '10', '1,00', ' 10.50', '10.50 ', '-1.00', '12345678901.00', 10.5, undefined]) {
      expect(codeOf(() => fromValor(bad, 'valor'))).toBe('protocol');
    }
  });
});

describe('other scalars', () => {
  it('normalizes RFC 3339 times to UTC ISO and refuses garbage', () => {
    expect(fromTime('2020-09-09T20:15:00-03:00', 'h')).toBe('2020-09-09T23:15:00.000Z');
    expect(codeOf(() => fromTime('yesterday', 'h'))).toBe('protocol');
  });

  it('reads integers written as strings, as the spec examples do ("expiracao":"3600")', () => {
    expect(fromInt('3600', 'x')).toBe(3600);
    expect(fromInt(3, 'x')).toBe(3);
    expect(codeOf(() => fromInt('3.5', 'x'))).toBe('protocol');
    expect(codeOf(() => fromInt(-1, 'x'))).toBe('protocol');
  });

  it('checks dates, txids (26–35 alnum), endToEndIds (32 alnum) and refund ids (1–35 alnum)', () => {
    expect(checkDate('2024-02-29', 'd')).toBe('2024-02-29');
    expect(codeOf(() => checkDate('2023-02-29', 'd'))).toBe('invalid_request');
    expect(codeOf(() => checkTxid('a'.repeat(25)))).toBe('invalid_request');
    expect(checkTxid('a'.repeat(35))).toHaveLength(35);
    expect(codeOf(() => checkTxid('a'.repeat(30) + '-'))).toBe('invalid_request');
    // The spec's own example endToEndId has 34 characters (a spec error): refused.
    expect(codeOf(() => checkEndToEndId('E12345678202009091221ghijk78901234'))).toBe('invalid_request');
    expect(checkEndToEndId('E12345678202009091221abcdef12345')).toHaveLength(32);
    expect(codeOf(() => checkRefundId(''))).toBe('invalid_request');
    expect(codeOf(() => checkRefundId('a_b'))).toBe('invalid_request');
  });
});

describe('devedor', () => {
  it('sends a CPF as cpf and a (numeric or alphanumeric) CNPJ as cnpj', () => {
    expect(toDevedor({ name: ' Fulana ', taxId: '12345678909' }, 'p')).toEqual({ cpf: '12345678909', nome: 'Fulana' });
    expect(toDevedor({ name: 'Empresa', taxId: '11222333000181' }, 'p')).toEqual({ cnpj: '11222333000181', nome: 'Empresa' });
    expect(toDevedor({ name: 'Empresa', taxId: '12ABC34501DE35' }, 'p')).toEqual({ cnpj: '12ABC34501DE35', nome: 'Empresa' });
  });

  it('refuses bad check digits, masks, and empty names', () => {
    for (const taxId of ['12345678900', '123.456.789-09', '11222333000180', '11111111111']) {
      expect(codeOf(() => toDevedor({ name: 'X', taxId }, 'p'))).toBe('invalid_request');
    }
    expect(codeOf(() => toDevedor({ name: '  ', taxId: '12345678909' }, 'p'))).toBe('invalid_request');
  });

  it('wraps what comes back so neither name nor tax id can be logged', () => {
    const p = fromDevedor({ cnpj: '11222333000181', nome: 'Empresa' });
    expect(JSON.stringify(p)).toBe('{"name":"[redacted]","taxId":"[redacted]"}');
    expect(String(p?.name)).toBe('[redacted]');
    expect(p?.taxId?.reveal()).toBe('11222333000181');
    expect(fromDevedor(undefined)).toBeUndefined();
  });
});
