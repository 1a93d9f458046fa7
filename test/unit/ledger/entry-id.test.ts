import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryId } from '../../../functions/core/ledger/index.js';

describe('entryId', () => {
  it('is le_ plus 24 hex digits, the same for the same business event', () => {
    expect(entryId('card_capture', 'pay_123')).toMatch(/^le_[0-9a-f]{24}$/);
    expect(entryId('card_capture', 'pay_123')).toBe(entryId('card_capture', 'pay_123'));
  });

  it('differs between kinds of event on the same object and between objects', () => {
    expect(entryId('card_capture', 'pay_123')).not.toBe(entryId('card_refund', 'pay_123'));
    expect(entryId('card_capture', 'pay_123')).not.toBe(entryId('card_capture', 'pay_124'));
  });

  it('refuses an empty kind or business id (which would collapse distinct events)', () => {
    expect(() => entryId('', 'pay_1')).toThrow(RangeError);
    expect(() => entryId('card_capture', '')).toThrow(RangeError);
  });

  it('property: distinct (kind, business id) pairs give distinct ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z_]{1,12}$/), fc.string({ minLength: 1, maxLength: 20 })), { selector: ([k, b]) => `${k}:${b}`, maxLength: 50 }), (pairs) => {
        expect(new Set(pairs.map(([k, b]) => entryId(k, b))).size).toBe(pairs.length);
      }),
    );
  });
});
