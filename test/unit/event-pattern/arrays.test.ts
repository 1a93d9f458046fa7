/**
 * Array-consistent matching. event-ruler README "JSON Array Matching": EventBridge "will refuse
 * to recognize any match in which any two fields are within JSON objects that are in different
 * elements of the same array". Cases are event-ruler's src/test/resources/correctness-cases.json
 * (named as there); the expected answers follow from that rule.
 */
import { describe, expect, it } from 'vitest';
import { matches } from '../../../functions/core/event-pattern/index.js';

const exists = [{ exists: true }];

describe('array-consistent matching (event-ruler correctness-cases.json)', () => {
  const cases: Array<[name: string, pattern: unknown, event: unknown, expected: boolean]> = [
    ['flat: 2-field exists, both present', { d: { a: exists, b: exists } }, { d: { a: 1, b: 2 } }, true],
    ['flat: 2-field exists, one missing', { d: { a: exists, b: exists } }, { d: { a: 1 } }, false],
    ['objarray: same element', { d: { a: exists, b: exists } }, { d: [{ a: 1, b: 2 }] }, true],
    ['objarray: split', { d: { a: exists, b: exists } }, { d: [{ a: 1 }, { b: 2 }] }, false],
    ['objarray: 3 elem, last valid', { d: { a: exists, b: exists } }, { d: [{ a: 1 }, { b: 2 }, { a: 3, b: 4 }] }, true],
    ['objarray: 3-field, split 3 ways', { d: { a: exists, b: exists, c: exists } }, { d: [{ a: 1 }, { b: 2 }, { c: 3 }] }, false],
    ['objarray: exact split', { d: { name: ['alice'], status: ['active'] } }, { d: [{ name: 'alice' }, { status: 'active' }] }, false],
    ['objarray: prefix same', { d: { name: [{ prefix: 'al' }], status: exists } }, { d: [{ name: 'alice', status: 'ok' }] }, true],
    ['nested: inner same', { u: { t: { k: ['color'], v: ['blue'] } } }, { u: [{ t: [{ k: 'color', v: 'blue' }] }] }, true],
    ['nested: inner split', { u: { t: { k: ['color'], v: ['blue'] } } }, { u: [{ t: [{ k: 'color' }, { v: 'blue' }] }] }, false],
    ['nested: outer split', { d: { name: exists, info: { x: ['1'] } } }, { d: [{ name: 'alice' }, { info: { x: '1' } }] }, false],
    ['nested: outer same', { d: { name: exists, info: { x: ['1'] } } }, { d: [{ name: 'alice', info: { x: '1' } }] }, true],
    ['nested2: split leaf', { a: { b: { x: exists, y: exists } } }, { a: [{ b: [{ x: 1 }, { y: 2 }] }] }, false],
    ['mixed: array+scalar match', { users: { name: exists }, version: ['1'] }, { users: [{ name: 'alice' }], version: '1' }, true],
    ['mixed: array+scalar fail', { users: { name: exists }, version: ['2'] }, { users: [{ name: 'alice' }], version: '1' }, false],
    ['exists-false: absent', { d: { a: exists, b: [{ exists: false }] } }, { d: [{ a: 1 }] }, true],
    ['exists-false: present', { d: { a: exists, b: [{ exists: false }] } }, { d: [{ a: 1, b: 2 }] }, false],
    ['empty object', { d: { a: exists } }, {}, false],
    ['empty array', { d: { a: exists } }, { d: [] }, false],
    ['many elem one valid', { d: { a: ['target'], b: ['found'] } }, { d: [{ a: 'x' }, { a: 'y' }, { a: 'target', b: 'found' }, { a: 'z' }] }, true],
    ['numeric+exists array', { i: { p: [{ numeric: ['>', 0, '<', 100] }], n: exists } }, { i: [{ n: 'w', p: 50 }, { n: 'g', p: 200 }] }, true],
    ['anything-but array', { u: { s: [{ 'anything-but': 'banned' }], n: exists } }, { u: [{ n: 'alice', s: 'banned' }, { n: 'bob', s: 'active' }] }, true],
    ['primarray: exact match', { tags: ['admin'] }, { tags: ['user', 'admin'] }, true],
    ['primarray: no match', { tags: ['superadmin'] }, { tags: ['user', 'admin'] }, false],
    ['primarray: large + scalar, prefix', { d: { tags: [{ prefix: 'ad' }], type: exists } }, { d: { tags: ['admin', 'user', 'dev'], type: 'GROUP' } }, true],
    ['primarray: empty prim array', { d: { name: exists, type: exists } }, { d: { name: [], type: 'x' } }, false],
    ['mixed: obj-array split + prim-array', { users: { name: exists, email: exists }, tags: ['admin'] }, { users: [{ name: 'alice' }, { email: 'b@x' }], tags: ['admin'] }, false],
    [
      'N emails, only last element has name',
      { detail: { email: exists, name: exists } },
      { detail: [{ email: 'a@x' }, { email: 'b@x' }, { email: 'c@x' }, { email: 'd@x' }, { email: 'e@x', name: 'eve' }] },
      true,
    ],
    ['suffix match split', { d: { name: [{ suffix: 'ice' }], type: exists } }, { d: [{ name: 'alice' }, { type: 'user' }] }, false],
  ];

  for (const [name, pattern, event, expected] of cases) {
    it(`${name} -> ${expected ? 'matches' : 'does not match'}`, () => {
      expect(matches(pattern, event)).toBe(expected);
    });
  }
});

describe('arrays at any depth', () => {
  it('flattens nested arrays of values and of objects (event-ruler README: "works for multi-level arrays too")', () => {
    const event = { employees: [[{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }], [{ firstName: 'Peter', lastName: 'Jones' }]] };
    expect(matches({ employees: { firstName: ['Anna'] } }, event)).toBe(true);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, event)).toBe(true);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, event)).toBe(false);
    expect(matches({ matrix: [3] }, { matrix: [[1, 2], [3]] })).toBe(true);
  });

  it('lets fields in different arrays bind independently', () => {
    const pattern = { a: { x: ['1'] }, b: { y: ['2'] } };
    expect(matches(pattern, { a: [{ x: '0' }, { x: '1' }], b: [{ y: '2' }, { y: '3' }] })).toBe(true);
  });

  it('keeps fields outside the array free while the array fields stay consistent', () => {
    const pattern = { source: ['s'], items: { sku: ['A'], qty: [{ numeric: ['>=', 2] }] } };
    expect(matches(pattern, { source: 's', items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 5 }] })).toBe(false);
    expect(matches(pattern, { source: 's', items: [{ sku: 'B', qty: 1 }, { sku: 'A', qty: 5 }] })).toBe(true);
  });

  it('checks exists:false against the elements bound by fields that sort before it (ACFinder / NameState.getNameTransitions)', () => {
    // "d.a" sorts before "d.b": d.a binds element 1, where d.b is absent.
    expect(matches({ d: { b: [{ exists: false }], a: exists } }, { d: [{ a: 1, b: 1 }, { a: 2 }] })).toBe(true);
    // "d.a" (exists:false) sorts first and nothing is bound yet, so d.a in any element counts as present.
    expect(matches({ d: { a: [{ exists: false }], z: exists } }, { d: [{ a: 1, z: 1 }, { z: 2 }] })).toBe(false);
  });
});
