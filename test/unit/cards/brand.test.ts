import { describe, expect, it } from 'vitest';
import { detectBrand } from '../../../functions/core/cards/index.js';

describe('detectBrand', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4000000000000002', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['378282246310005', 'amex'],
    ['340000000000009', 'amex'],
    ['6362970000457013', 'elo'],
    ['5067000000000000', 'elo'],
    ['4011780000000000', 'elo'],
    ['6504050000000000', 'elo'],
    ['5090000000000000', 'elo'],
    ['6062825624254001', 'hipercard'],
    ['3841000000000000', 'hipercard'],
    ['6011111111111117', 'discover'],
    ['6445000000000000', 'discover'],
    ['6500000000000002', 'discover'],
    ['30569309025904', 'diners'],
    ['36227206271667', 'diners'],
    ['3530111333300000', 'jcb'],
    ['3589000000000000', 'jcb'],
    ['6200000000000005', 'unionpay'],
    ['8100000000000000', 'unionpay'],
  ])('%s is %s', (pan, brand) => {
    expect(detectBrand(pan)).toBe(brand);
  });

  it('puts the Mastercard 2-series boundaries on the right side (2220 and 2721 are not Mastercard)', () => {
    expect(detectBrand('2220990000000000')).toBe('unknown');
    expect(detectBrand('2721000000000000')).toBe('unknown');
  });

  it('answers unknown for short or non-digit input instead of guessing', () => {
    expect(detectBrand('42')).toBe('unknown');
    expect(detectBrand('4242-4242')).toBe('unknown');
    expect(detectBrand('9999999999999999')).toBe('unknown');
  });
});
