import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../functions/core/canonical-json.js';

/** Shuffles the key order of every object in a JSON value, deterministically from `seed`. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const rotated = entries.length ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse() : entries;
    return Object.fromEntries(rotated.map(([k, v]) => [k, shuffleKeys(v, seed * 31 + 7)]));
  }
  return value;
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys and drops whitespace, as in the RFC 8785 example shape', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -1.5 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":-1.5,"z":0}}');
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ é: 1, z: 2, A: 3, '\u20ac': 4 })).toBe('{"A":3,"z":2,"é":1,"€":4}');
  });

  it('serializes numbers in their shortest ECMAScript form', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, 100, -0])).toBe('[1e+21,1e-7,0.1,100,0]');
  });

  it('rejects values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
  });

  it('is insensitive to key order: any reordering of objects gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(1000), (v, seed) => {
        expect(canonicalJson(shuffleKeys(v, seed))).toBe(canonicalJson(v));
      }),
    );
  });

  it('distinguishes different values: canonical text parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(canonicalJson(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});
