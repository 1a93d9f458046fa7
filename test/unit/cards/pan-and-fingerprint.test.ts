import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardFingerprint, FINGERPRINT_LENGTH, last4, luhnCheckDigit, redactPan, redactPansIn, validateCard } from '../../../functions/core/cards/index.js';

const pan = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }).map((b) => '4' + b.slice(1) + String(luhnCheckDigit('4' + b.slice(1))));
const key = fc.string({ minLength: 1, maxLength: 40 });

describe('PAN helpers', () => {
  it('last4 and redactPan keep only the last four digits', () => {
    expect(last4('4242424242424242')).toBe('4242');
    expect(redactPan('4242 4242 4242 1234')).toBe('************1234');
    expect(redactPan('123')).toBe('***');
  });

  it('redactPansIn masks any card number inside free text and leaves short numbers alone', () => {
    expect(redactPansIn('card 4000-0000-0000-0002 declined, order 12345')).toBe('card ************0002 declined, order 12345');
    fc.assert(fc.property(pan, (p) => !redactPansIn(`x ${p} y`).includes(p.slice(0, 12))));
  });
});

describe('cardFingerprint', () => {
  it('is stable for one PAN under one key, with the documented length and alphabet', () => {
    fc.assert(
      fc.property(pan, key, (p, k) => {
        const a = cardFingerprint(p, k);
        return a === cardFingerprint(p, k) && a.length === FINGERPRINT_LENGTH && /^[A-Za-z0-9_-]+$/.test(a);
      }),
    );
  });

  it('differs across keys for the same PAN, and across PANs under the same key', () => {
    fc.assert(fc.property(pan, key, key, (p, k1, k2) => k1 === k2 || cardFingerprint(p, k1) !== cardFingerprint(p, k2)));
    fc.assert(fc.property(pan, pan, key, (p1, p2, k) => p1 === p2 || cardFingerprint(p1, k) !== cardFingerprint(p2, k)));
  });

  it('never contains the PAN or its last four in a recoverable position and refuses an empty key', () => {
    expect(cardFingerprint('4242424242424242', 'k')).not.toContain('4242424242424242');
    expect(() => cardFingerprint('4242424242424242', '')).toThrow(RangeError);
  });
});

describe('validateCard', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  it('accepts a valid card and derives brand, last4 and a four-digit year', () => {
    expect(validateCard({ number: '4242 4242 4242 4242', expMonth: 12, expYear: 30 }, now)).toEqual({
      ok: true,
      card: { digits: '4242424242424242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
    });
  });

  it('rejects a Luhn failure, a wrong length for the brand, a bad month and a past month with their param', () => {
    expect(validateCard({ number: '4242424242424241', expMonth: 12, expYear: 2030 }, now)).toMatchObject({ ok: false, reason: 'incorrect_number', param: 'number' });
    expect(validateCard({ number: '378282246310005' + String(luhnCheckDigit('378282246310005')), expMonth: 1, expYear: 2030 }, now)).toMatchObject({ ok: false, reason: 'incorrect_number' });
    expect(validateCard({ number: '4242424242424242', expMonth: 13, expYear: 2030 }, now)).toMatchObject({ ok: false, reason: 'invalid_expiry', param: 'exp_month' });
    expect(validateCard({ number: '4242424242424242', expMonth: 5, expYear: 2026 }, now)).toMatchObject({ ok: false, reason: 'expired_card' });
    expect(validateCard({ number: '4242424242424242', expMonth: 6, expYear: 2026 }, now)).toMatchObject({ ok: true });
  });
});
