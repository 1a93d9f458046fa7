/**
 * Operator semantics the AWS docs leave implicit, pinned to what aws/event-ruler (the engine
 * behind EventBridge; LocalStack also delegates to it) does. File references are to
 * src/main/software/amazon/event/ruler/ in that repository.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, matches } from '../../../functions/core/event-pattern/index.js';

const field = (condition: unknown): Record<string, unknown> => ({ f: [condition] });
const ev = (value: unknown): Record<string, unknown> => ({ f: value });

describe('exact values', () => {
  it('compares numbers numerically: 300 matches 3.0e2 and 300.0 (docs "Numeric matching")', () => {
    expect(matches({ f: [300] }, ev(3.0e2))).toBe(true);
    expect(matches({ f: [3.0e2] }, ev(300))).toBe(true);
    expect(matches({ f: [300] }, ev(300.5))).toBe(false);
  });

  it('keeps types apart: 5 never matches "5", true never matches "true", null never matches "null"', () => {
    expect(matches({ f: [5] }, ev('5'))).toBe(false);
    expect(matches({ f: ['5'] }, ev(5))).toBe(false);
    expect(matches({ f: [true] }, ev('true'))).toBe(false);
    expect(matches({ f: [true] }, ev(true))).toBe(true);
    expect(matches({ f: [false] }, ev(false))).toBe(true);
    expect(matches({ f: [null] }, ev('null'))).toBe(false);
  });

  it('matches numbers outside the numeric range exactly, like account ids (JsonRuleCompiler: exact text fallback)', () => {
    expect(matches({ account: [123456789012] }, { account: 123456789012 })).toBe(true);
    expect(matches({ account: [123456789012] }, { account: 123456789013 })).toBe(false);
  });

  it('matches a string that is an IP literal as an address, so other spellings match (JsonRuleCompiler: CIDR.ipToRangeIfPossible)', () => {
    expect(matches({ f: ['2001:db8::1'] }, ev('2001:DB8:0:0:0:0:0:1'))).toBe(true);
    expect(matches({ f: ['10.0.0.1'] }, ev('10.0.0.1'))).toBe(true);
    expect(matches({ f: ['10.0.0.1'] }, ev('10.0.0.2'))).toBe(false);
  });

  it('does not match an object or an absent field against a value', () => {
    expect(matches({ f: ['x'] }, ev({ x: 'x' }))).toBe(false);
    expect(matches({ f: ['x'] }, {})).toBe(false);
  });
});

describe('prefix and suffix', () => {
  it('only match strings (ByteMachine: the pattern carries the opening or closing quote)', () => {
    expect(matches(field({ prefix: '1' }), ev(12))).toBe(false);
    expect(matches(field({ suffix: '2' }), ev(12))).toBe(false);
    expect(matches(field({ prefix: 'tr' }), ev(true))).toBe(false);
  });

  it('an empty prefix or suffix matches every string, including the empty string, and nothing else', () => {
    expect(matches(field({ prefix: '' }), ev(''))).toBe(true);
    expect(matches(field({ suffix: '' }), ev('abc'))).toBe(true);
    expect(matches(field({ prefix: '' }), ev(null))).toBe(false);
  });

  it('equals-ignore-case prefix/suffix require the whole prefix/suffix to be present', () => {
    expect(matches(field({ prefix: { 'equals-ignore-case': 'ABC' } }), ev('ab'))).toBe(false);
    expect(matches(field({ suffix: { 'equals-ignore-case': 'ABC' } }), ev('xxabc'))).toBe(true);
    expect(matches(field({ suffix: { 'equals-ignore-case': 'ABC' } }), ev('bc'))).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('accepts per character the lower- or upper-case form, so "straße" matches "STRASSE" (EqualsIgnoreCaseParser)', () => {
    expect(matches(field({ 'equals-ignore-case': 'straße' }), ev('STRASSE'))).toBe(true);
    expect(matches(field({ 'equals-ignore-case': 'straße' }), ev('Straße'))).toBe(true);
    expect(matches(field({ 'equals-ignore-case': 'straße' }), ev('strasse'))).toBe(false);
  });

  it('handles non-ASCII letters of equal length ("ÉCOLE" vs "école")', () => {
    expect(matches(field({ 'equals-ignore-case': 'ÉCOLE' }), ev('école'))).toBe(true);
    expect(matches(field({ 'equals-ignore-case': 'ÉCOLE' }), ev('ecole'))).toBe(false);
  });

  it('matches neither numbers nor different lengths', () => {
    expect(matches(field({ 'equals-ignore-case': '5' }), ev(5))).toBe(false);
    expect(matches(field({ 'equals-ignore-case': 'ab' }), ev('abc'))).toBe(false);
  });
});

describe('wildcard', () => {
  it('"*" matches any string including the empty one, but not other types', () => {
    expect(matches(field({ wildcard: '*' }), ev(''))).toBe(true);
    expect(matches(field({ wildcard: '*' }), ev('anything'))).toBe(true);
    expect(matches(field({ wildcard: '*' }), ev(1))).toBe(false);
  });

  it('a pattern without stars is an exact match', () => {
    expect(matches(field({ wildcard: 'abc' }), ev('abc'))).toBe(true);
    expect(matches(field({ wildcard: 'abc' }), ev('abcd'))).toBe(false);
  });

  it('"\\*" is a literal asterisk and "\\\\" a literal backslash (docs "Wildcard matching")', () => {
    expect(matches(field({ wildcard: 'a\\*b' }), ev('a*b'))).toBe(true);
    expect(matches(field({ wildcard: 'a\\*b' }), ev('axb'))).toBe(false);
    expect(matches(field({ wildcard: 'a\\\\*' }), ev('a\\tail'))).toBe(true);
    expect(matches(field({ wildcard: 'a\\\\*' }), ev('atail'))).toBe(false);
  });

  it('stars may match empty runs and segments must not overlap', () => {
    expect(matches(field({ wildcard: 'a*b*c' }), ev('abc'))).toBe(true);
    expect(matches(field({ wildcard: 'ab*ba' }), ev('aba'))).toBe(false);
    expect(matches(field({ wildcard: '*ab*ab*' }), ev('xabyab'))).toBe(true);
    expect(matches(field({ wildcard: '*ab*ab*' }), ev('xaby'))).toBe(false);
  });
});

describe('anything-but', () => {
  it('never matches an absent field', () => {
    expect(matches(field({ 'anything-but': 'x' }), {})).toBe(false);
    expect(matches(field({ 'anything-but': { prefix: 'x' } }), {})).toBe(false);
  });

  it('matches values of another type: a string exclusion matches numbers, null and booleans (ByteMachine: isNumeric check)', () => {
    expect(matches(field({ 'anything-but': 'x' }), ev(5))).toBe(true);
    expect(matches(field({ 'anything-but': 'x' }), ev(null))).toBe(true);
    expect(matches(field({ 'anything-but': 'x' }), ev(false))).toBe(true);
    expect(matches(field({ 'anything-but': [100] }), ev('100'))).toBe(true);
    expect(matches(field({ 'anything-but': { prefix: 'x' } }), ev(5))).toBe(true);
  });

  it('on an event array matches when any element is not excluded (event-ruler correctness case "primarray: anything-but in array")', () => {
    expect(matches(field({ 'anything-but': 'banned' }), ev(['banned', 'ok']))).toBe(true);
    expect(matches(field({ 'anything-but': 'banned' }), ev(['banned']))).toBe(false);
  });

  it('compares excluded numbers numerically (100 excludes 1e2) and ignores numbers it cannot compare', () => {
    expect(matches(field({ 'anything-but': 100 }), ev(1e2))).toBe(false);
    expect(matches(field({ 'anything-but': 100 }), ev(100.0000001))).toBe(true);
  });

  it('does not match an object at the field, which has no leaf value', () => {
    expect(matches(field({ 'anything-but': 'x' }), ev({ y: 1 }))).toBe(false);
  });
});

describe('numeric', () => {
  it('honours open and closed bounds', () => {
    expect(matches(field({ numeric: ['>=', 1, '<', 2] }), ev(1))).toBe(true);
    expect(matches(field({ numeric: ['>=', 1, '<', 2] }), ev(2))).toBe(false);
    expect(matches(field({ numeric: ['>', 1, '<=', 2] }), ev(1))).toBe(false);
    expect(matches(field({ numeric: ['>', 1, '<=', 2] }), ev(2))).toBe(true);
    expect(matches(field({ numeric: ['<=', -1] }), ev(-1.5))).toBe(true);
    expect(matches(field({ numeric: ['=', 0] }), ev(-0))).toBe(true);
  });

  it('leaves event numbers outside ±5e9 or with more than 6 decimals out of numeric comparisons (docs "Numeric matching")', () => {
    expect(matches(field({ numeric: ['>', 0] }), ev(6e9))).toBe(false);
    expect(matches(field({ numeric: ['<', 0] }), ev(-6e9))).toBe(false);
    expect(matches(field({ numeric: ['>', 0] }), ev(0.1234567))).toBe(false);
    expect(matches(field({ numeric: ['>', 0] }), ev(0.123456))).toBe(true);
    expect(matches(field({ numeric: ['<=', 5e9] }), ev(5e9))).toBe(true);
  });

  it('matches every element of an event array individually', () => {
    expect(matches(field({ numeric: ['>', 0, '<', 10] }), ev([100, 5, 200]))).toBe(true);
    expect(matches(field({ numeric: ['>', 0, '<', 10] }), ev([100, 200]))).toBe(false);
  });
});

describe('cidr', () => {
  it('uses the address as written as the low end: 10.0.0.5/24 spans 10.0.0.5-10.0.0.255 (CIDR.cidr does not mask)', () => {
    expect(matches(field({ cidr: '10.0.0.5/24' }), ev('10.0.0.5'))).toBe(true);
    expect(matches(field({ cidr: '10.0.0.5/24' }), ev('10.0.0.255'))).toBe(true);
    expect(matches(field({ cidr: '10.0.0.5/24' }), ev('10.0.0.4'))).toBe(false);
  });

  it('/0 spans a whole family and never crosses to the other one', () => {
    expect(matches(field({ cidr: '0.0.0.0/0' }), ev('255.255.255.255'))).toBe(true);
    expect(matches(field({ cidr: '0.0.0.0/0' }), ev('::1'))).toBe(false);
    expect(matches(field({ cidr: '::/0' }), ev('10.0.0.1'))).toBe(false);
  });

  it('reads an IPv4-mapped IPv6 address as IPv4, as Java InetAddress does', () => {
    expect(matches(field({ cidr: '10.0.0.0/24' }), ev('::ffff:a00:1'))).toBe(true);
  });

  it('matches only strings that are IP literals', () => {
    expect(matches(field({ cidr: '10.0.0.0/8' }), ev('10.0.0.1x'))).toBe(false);
    expect(matches(field({ cidr: '10.0.0.0/8' }), ev('010.0.0.1'))).toBe(false);
    expect(matches(field({ cidr: '10.0.0.0/8' }), ev(10))).toBe(false);
    expect(matches(field({ cidr: '10.0.0.0/8' }), ev('10.256.0.1'))).toBe(false);
  });
});

describe('exists', () => {
  it('exists:true matches any leaf value, null, "" and false included', () => {
    for (const value of [null, '', false, 0, 'x', [1]]) {
      expect(matches(field({ exists: true }), ev(value)), JSON.stringify(value)).toBe(true);
    }
  });

  it('exists:false does not match a null value: null is present', () => {
    expect(matches(field({ exists: false }), ev(null))).toBe(false);
  });

  it('an empty array holds no leaf, so exists:true fails and exists:false matches (correctness case "primarray: empty prim array")', () => {
    expect(matches(field({ exists: true }), ev([]))).toBe(false);
    expect(matches(field({ exists: false }), ev([]))).toBe(true);
  });

  it('exists:false under a nested pattern matches when the parent is missing or not an object', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    expect(matches(pattern, {})).toBe(true);
    expect(matches(pattern, { detail: 'flat' })).toBe(true);
  });

  it('combines with values: [{"exists": false}, "x"] means absent or "x"', () => {
    const pattern = { f: [{ exists: false }, 'x'] };
    expect(matches(pattern, {})).toBe(true);
    expect(matches(pattern, ev('x'))).toBe(true);
    expect(matches(pattern, ev('y'))).toBe(false);
  });
});

describe('$or', () => {
  it('nests: source && (metricName || (metricType && namespace && (metricId || spaceId)) || scope) (event-ruler README)', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
        { scope: ['Service'] },
      ],
    };
    const base = { source: 'aws.cloudwatch' };
    expect(matches(pattern, { ...base, metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 })).toBe(true);
    expect(matches(pattern, { ...base, metricType: 'MetricType', namespace: 'AWS/EC2' })).toBe(false);
    expect(matches(pattern, { ...base, scope: 'Service' })).toBe(true);
    expect(matches(pattern, { source: 'aws.ec2', scope: 'Service' })).toBe(false);
  });

  it('runs parallel $or groups as an AND of ORs (event-ruler README "Parallel Or")', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(true);
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: {} })).toBe(false);
    expect(matches(pattern, { detail: { source: 'aws.cloudwatch' } })).toBe(false);
  });

  it('lets a field inside a $or option replace the same field given before it (JsonRuleCompiler overriding)', () => {
    const pattern = { source: ['a'], $or: [{ source: ['b'] }, { other: ['x'] }] };
    expect(matches(pattern, { source: 'b' })).toBe(true);
    expect(matches(pattern, { source: 'a', other: 'x' })).toBe(true);
    expect(matches(pattern, { source: 'a' })).toBe(false);
  });
});

describe('matcher inputs', () => {
  it('treats a non-object event as having no fields', () => {
    expect(matches({ f: ['x'] }, 'x')).toBe(false);
    expect(matches({ f: [{ exists: false }] }, null)).toBe(true);
  });

  it('does not read inherited properties: {"constructor": {"name": ["Object"]}} does not match {}', () => {
    expect(matches({ constructor: { name: ['Object'] } }, {})).toBe(false);
    expect(matches({ toString: [{ exists: false }] }, {})).toBe(true);
    expect(matches({ constructor: { name: ['Object'] } }, JSON.parse('{"constructor": {"name": "Object"}}'))).toBe(true);
  });

  it('treats undefined properties as absent, as JSON.stringify would drop them', () => {
    expect(matches({ f: [{ exists: false }] }, { f: undefined })).toBe(true);
  });

  it('a compiled matcher gives the same answers as matches() and can be reused', () => {
    const pattern = { source: ['a'], detail: { n: [{ numeric: ['>', 1] }] } };
    const match = compilePattern(pattern);
    const events = [{ source: 'a', detail: { n: 2 } }, { source: 'a', detail: { n: 1 } }, { source: 'b', detail: { n: 2 } }];
    expect(events.map(match)).toEqual(events.map((e) => matches(pattern, e)));
    expect(events.map(match)).toEqual([true, false, false]);
  });
});
