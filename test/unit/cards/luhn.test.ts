import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLuhnValid, luhnCheckDigit } from '../../../functions/core/cards/index.js';

const body = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 18 });
const withCheckDigit = body.map((b) => b + String(luhnCheckDigit(b)));

describe('Luhn', () => {
  it('accepts the sandbox test cards and known issuer numbers', () => {
    for (const n of ['4242424242424242', '4000000000000002', '4000000000009995', '4000000000000119', '4000000000004954', '5555555555554444', '378282246310005', '6362970000457013']) {
      expect(isLuhnValid(n), n).toBe(true);
    }
  });

  it('rejects non-digits, empty input and a wrong check digit', () => {
    expect(isLuhnValid('4242 4242 4242 4242')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4242424242424241')).toBe(false);
  });

  it('validates every generated number that carries its computed check digit', () => {
    fc.assert(fc.property(withCheckDigit, (n) => isLuhnValid(n)));
  });

  it('catches any single-digit substitution in a valid number', () => {
    fc.assert(
      fc.property(withCheckDigit, fc.nat(), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const i = pos % n.length;
        const changed = n.slice(0, i) + String((Number(n[i]) + delta) % 10) + n.slice(i + 1);
        return !isLuhnValid(changed);
      }),
    );
  });

  it('catches adjacent transpositions of different digits other than 09/90', () => {
    fc.assert(
      fc.property(withCheckDigit, fc.nat(), (n, pos) => {
        const i = pos % (n.length - 1);
        const a = n[i]!;
        const b = n[i + 1]!;
        fc.pre(a !== b && !((a === '0' && b === '9') || (a === '9' && b === '0')));
        return !isLuhnValid(n.slice(0, i) + b + a + n.slice(i + 2));
      }),
    );
  });
});
