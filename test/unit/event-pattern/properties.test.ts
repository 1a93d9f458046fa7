/**
 * Properties that must hold for every event, checked with fast-check, plus a coarse performance
 * guard for the bus hot path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, matches } from '../../../functions/core/event-pattern/index.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Field names: any short string except "$or" (the one key with pattern meaning) and "__proto__"
// (which a JS object literal cannot hold as an own key).
const key = fc.string({ maxLength: 6 }).filter((k) => k !== '$or' && k !== '__proto__');
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const { event } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(scalar, { maxLength: 3 }), tie('event')),
  event: fc.dictionary(key, tie('value') as fc.Arbitrary<Json>, { maxKeys: 4 }),
}));

/** The pattern that lists, at every leaf of `node`, the values found there. */
function patternFrom(node: { [key: string]: Json }): Record<string, unknown> | null {
  const pattern: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (Array.isArray(v)) {
      if (v.length > 0) pattern[k] = v;
    } else if (v !== null && typeof v === 'object') {
      const sub = patternFrom(v);
      if (sub !== null) pattern[k] = sub;
    } else {
      pattern[k] = [v];
    }
  }
  return Object.keys(pattern).length > 0 ? pattern : null;
}

// Numbers EventBridge compares numerically: within ±5e9 with at most 6 decimals.
const comparable = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).chain((n) =>
  fc.constantFrom(n, n / 10, n / 1000, n / 1_000_000),
);

describe('properties', () => {
  it('a pattern built from an event\'s own leaf values always matches that event', () => {
    fc.assert(
      fc.property(event, (e) => {
        const pattern = patternFrom(e as { [key: string]: Json });
        fc.pre(pattern !== null);
        expect(matches(pattern, e)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on a present string field, {"anything-but": [x]} matches exactly when [x] does not', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.boolean(), (x, s, same) => {
        const value = same ? x : s;
        const e = { f: value };
        expect(matches({ f: [{ 'anything-but': [x] }] }, e)).toBe(!matches({ f: [x] }, e));
      }),
      { numRuns: 500 },
    );
  });

  it('on a present comparable number, {"anything-but": [x]} matches exactly when [x] does not', () => {
    fc.assert(
      fc.property(comparable, comparable, fc.boolean(), (x, n, same) => {
        const e = { f: same ? x : n };
        expect(matches({ f: [{ 'anything-but': [x] }] }, e)).toBe(!matches({ f: [x] }, e));
      }),
      { numRuns: 500 },
    );
  });

  it('numeric ["=", x] agrees with the exact value [x] on comparable numbers', () => {
    fc.assert(
      fc.property(comparable, comparable, (x, n) => {
        expect(matches({ f: [{ numeric: ['=', x] }] }, { f: n })).toBe(matches({ f: [x] }, { f: n }));
        expect(matches({ f: [{ numeric: ['>', x] }] }, { f: n })).toBe(n > x);
      }),
      { numRuns: 500 },
    );
  });

  it('wildcard "*s*" means "contains s" and "s*" means "starts with s" for non-empty star-free s', () => {
    const text = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', 'c') });
    // s must be non-empty: "**" is invalid (consecutive wildcards).
    fc.assert(
      fc.property(text.filter((t) => t.length > 0), text, (s, value) => {
        expect(matches({ f: [{ wildcard: `*${s}*` }] }, { f: value })).toBe(value.includes(s));
        expect(matches({ f: [{ wildcard: `${s}*` }] }, { f: value })).toBe(value.startsWith(s));
        expect(matches({ f: [{ wildcard: `*${s}` }] }, { f: value })).toBe(value.endsWith(s));
      }),
      { numRuns: 500 },
    );
  });

  it('equals-ignore-case on ASCII letters agrees with comparing lower-cased strings', () => {
    const ascii = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'B', 'c', 'D', '1', '-') });
    fc.assert(
      fc.property(ascii, ascii, (p, value) => {
        expect(matches({ f: [{ 'equals-ignore-case': p }] }, { f: value })).toBe(p.toLowerCase() === value.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});

describe('performance', () => {
  it('a compiled typical pattern matches a typical event in well under 5 µs (nothing is recompiled per call)', () => {
    const match = compilePattern({
      source: ['agentpay.payments'],
      'detail-type': ['PaymentCaptured', 'PaymentRefunded'],
      detail: {
        amount: [{ numeric: ['>', 0, '<=', 100000] }],
        currency: ['BRL', 'USD'],
        merchantId: [{ prefix: 'mer_' }],
        status: [{ 'anything-but': ['failed', 'canceled'] }],
      },
    });
    const payment = {
      version: '0',
      id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      'detail-type': 'PaymentCaptured',
      source: 'agentpay.payments',
      account: '111122223333',
      time: '2026-01-02T03:04:05Z',
      region: 'sa-east-1',
      resources: [],
      detail: { paymentId: 'pay_123', merchantId: 'mer_42', amount: 1999, currency: 'BRL', status: 'captured', method: 'pix' },
    };
    expect(match(payment)).toBe(true);
    const runs = 200_000;
    let hits = 0;
    const start = performance.now();
    for (let i = 0; i < runs; i++) if (match(payment)) hits++;
    const nsPerMatch = ((performance.now() - start) * 1e6) / runs;
    expect(hits).toBe(runs);
    expect(nsPerMatch).toBeLessThan(5000);
  });
});
