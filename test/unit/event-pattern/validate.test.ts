/**
 * Pattern validation: what EventBridge rejects with "Event pattern is not valid" (rules from
 * event-ruler's JsonRuleCompiler, CIDR and WildcardParser, and the AWS docs), each reported
 * with the path of the offending part.
 */
import { describe, expect, it } from 'vitest';
import { InvalidPatternError, compilePattern, matches, validatePattern } from '../../../functions/core/event-pattern/index.js';

function rejection(pattern: unknown): InvalidPatternError {
  try {
    validatePattern(pattern);
  } catch (err) {
    if (err instanceof InvalidPatternError) return err;
    throw err;
  }
  throw new Error(`pattern was accepted: ${JSON.stringify(pattern)}`);
}

const cases: Array<[what: string, pattern: unknown, path: string, message: RegExp]> = [
  // Structure
  ['a string pattern', 'source', '', /must be a JSON object/],
  ['an array pattern', [{ source: ['x'] }], '', /must be a JSON object/],
  ['a null pattern', null, '', /must be a JSON object/],
  ['the empty pattern {} (EventBridge: "Empty objects are not allowed")', {}, '', /Empty objects are not allowed/],
  ['an empty nested object', { source: ['aws.health'], detail: {} }, 'detail', /Empty objects are not allowed/],
  ['an empty value array', { 'detail-type': [], source: ['example.source'] }, 'detail-type', /Empty arrays are not allowed/],
  ['a bare string value (buildkite docs #896: "slug" must be an object or an array)', { detail: { pipeline: { slug: 'some-pipeline' } } }, 'detail.pipeline.slug', /"slug" must be an object or an array/],
  ['a null field value', { detail: null }, 'detail', /must be an object or an array/],
  ['a nested array as a value', { source: [['a']] }, 'source[0]', /Match value must be/],
  ['an unknown operator', { source: [{ prefixx: 'a' }] }, 'source[0].prefixx', /Unrecognized match type "prefixx"/],
  ['an empty operator object', { source: [{}] }, 'source[0]', /must name an operator/],
  ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }, 'source[0]', /exactly one key/],
  // numeric
  ['numeric that is not an array', { n: [{ numeric: '>5' }] }, 'n[0].numeric', /must be an array/],
  ['an empty numeric array', { n: [{ numeric: [] }] }, 'n[0].numeric[0]', /must start with an operator/],
  ['an unknown numeric operator', { n: [{ numeric: ['!=', 1] }] }, 'n[0].numeric[0]', /Unrecognized numeric operator "!="/],
  ['a numeric operator without operand', { n: [{ numeric: ['>'] }] }, 'n[0].numeric[1]', /needs a number/],
  ['a string operand', { detail: { amount: [{ numeric: ['>', '0'] }] } }, 'detail.amount[0].numeric[1]', /must be a number/],
  ['a second lower bound', { n: [{ numeric: ['>', 0, '>', 5] }] }, 'n[0].numeric[2]', /Bad numeric range operator/],
  ['an upper bound first and then another', { n: [{ numeric: ['<', 1, '<', 2] }] }, 'n[0].numeric[2]', /Too many elements/],
  ['"=" with two operands', { n: [{ numeric: ['=', 1, 2] }] }, 'n[0].numeric[2]', /Too many elements/],
  ['a range whose bottom is not below its top', { n: [{ numeric: ['>', 5, '<', 1] }] }, 'n[0].numeric[3]', /Bottom must be less than top/],
  ['an empty closed range', { n: [{ numeric: ['>=', 5, '<=', 5] }] }, 'n[0].numeric[3]', /Bottom must be less than top/],
  ['an operand beyond 5e9 (docs "Numeric matching")', { n: [{ numeric: ['>', 6e9] }] }, 'n[0].numeric[1]', /between -5.0E9 and 5.0E9/],
  ['an operand with 7 decimals', { n: [{ numeric: ['<', 0.1234567] }] }, 'n[0].numeric[1]', /6 decimals/],
  ['a range upper bound lacking its number', { n: [{ numeric: ['>', 0, '<'] }] }, 'n[0].numeric[3]', /needs a number/],
  // wildcard (docs "Wildcard matching")
  ['consecutive wildcards', { f: [{ wildcard: 'a**b' }] }, 'f[0].wildcard', /Consecutive wildcard/],
  ['escaping a character other than * or \\', { f: [{ wildcard: 'a\\b' }] }, 'f[0].wildcard', /Invalid escape/],
  ['a trailing backslash', { f: [{ wildcard: 'ab\\' }] }, 'f[0].wildcard', /Invalid escape/],
  ['a non-string wildcard', { f: [{ wildcard: 5 }] }, 'f[0].wildcard', /must be a string/],
  // anything-but
  ['an empty anything-but list', { f: [{ 'anything-but': [] }] }, 'f[0].anything-but', /must not be empty/],
  ['a mixed anything-but list', { f: [{ 'anything-but': ['a', 1] }] }, 'f[0].anything-but', /all strings or all numbers/],
  ['a boolean in anything-but', { f: [{ 'anything-but': [true] }] }, 'f[0].anything-but[0]', /strings or numbers/],
  ['null anything-but', { f: [{ 'anything-but': null }] }, 'f[0].anything-but', /strings or numbers/],
  ['an unsupported anything-but operator', { f: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'f[0].anything-but.numeric', /Unsupported anything-but pattern/],
  ['an empty anything-but prefix', { f: [{ 'anything-but': { prefix: '' } }] }, 'f[0].anything-but.prefix', /Empty anything-but prefix/],
  ['an empty anything-but suffix in a list', { f: [{ 'anything-but': { suffix: ['.a', ''] } }] }, 'f[0].anything-but.suffix[1]', /Empty anything-but suffix/],
  ['an invalid anything-but wildcard', { f: [{ 'anything-but': { wildcard: ['ok*', 'bad**'] } }] }, 'f[0].anything-but.wildcard[1]', /Consecutive wildcard/],
  ['an anything-but number out of range', { f: [{ 'anything-but': [1, 6e9] }] }, 'f[0].anything-but[1]', /between -5.0E9 and 5.0E9/],
  ['anything-but equals-ignore-case with a number', { f: [{ 'anything-but': { 'equals-ignore-case': 5 } }] }, 'f[0].anything-but.equals-ignore-case', /must be a string/],
  // prefix / suffix / equals-ignore-case / exists
  ['a numeric prefix', { f: [{ prefix: 5 }] }, 'f[0].prefix', /must be a string/],
  ['prefix with an operator other than equals-ignore-case', { f: [{ prefix: { wildcard: 'a*' } }] }, 'f[0].prefix.wildcard', /Unsupported prefix pattern/],
  ['suffix with an operator other than equals-ignore-case', { f: [{ suffix: { prefix: 'a' } }] }, 'f[0].suffix.prefix', /Unsupported suffix pattern/],
  ['a non-string equals-ignore-case', { f: [{ 'equals-ignore-case': ['a'] }] }, 'f[0].equals-ignore-case', /must be a string/],
  ['exists with a string', { f: [{ exists: 'true' }] }, 'f[0].exists', /true or false/],
  // cidr (event-ruler CIDR.cidr)
  ['a cidr without mask', { ip: [{ cidr: '10.0.0.0' }] }, 'ip[0].cidr', /one '\/' required/],
  ['a cidr with a non-integer mask', { ip: [{ cidr: '10.0.0.0/x' }] }, 'ip[0].cidr', /must be an integer/],
  ['an IPv4 mask of 32 or more', { ip: [{ cidr: '10.0.0.0/32' }] }, 'ip[0].cidr', /IPv4 mask bits must be < 32/],
  ['an IPv6 mask of 128', { ip: [{ cidr: '::/128' }] }, 'ip[0].cidr', /IPv6 mask bits must be < 128/],
  ['an invalid IPv4 address', { ip: [{ cidr: '300.0.0.0/8' }] }, 'ip[0].cidr', /Invalid IP address/],
  ['a host name', { ip: [{ cidr: 'example.com/8' }] }, 'ip[0].cidr', /Invalid IP address/],
  ['two "::" in an IPv6 address', { ip: [{ cidr: '1::2::3/64' }] }, 'ip[0].cidr', /Invalid IP address/],
  ['a non-string cidr', { ip: [{ cidr: 10 }] }, 'ip[0].cidr', /must be a string/],
  // $or (event-ruler README "The $or Primitive")
  ['$or that is not an array', { $or: { a: ['x'] } }, '$or', /\$or must be an array/],
  ['$or with one object', { $or: [{ a: ['x'] }] }, '$or', /at least 2 objects/],
  ['an empty $or', { $or: [] }, '$or', /at least 2 objects/],
  ['$or with a non-object', { $or: [{ a: ['x'] }, ['b']] }, '$or[1]', /Only JSON objects/],
  ['an empty object in $or', { $or: [{ a: ['x'] }, {}] }, '$or[1]', /Empty objects/],
  ['an operator name as a field inside $or', { $or: [{ numeric: [123] }, { prefix: ['abc'] }] }, '$or[0].numeric', /reserved keyword/],
  ['a reserved name nested inside $or', { $or: [{ a: ['x'] }, { detail: { prefix: ['abc'] } }] }, '$or[1].detail.prefix', /reserved keyword/],
  ['a bad value deep inside a nested $or', { detail: { $or: [{ a: ['x'] }, { $or: [{ b: ['y'] }, { c: [{ numeric: ['>', 'z'] }] }] }] } }, 'detail.$or[1].$or[1].c[0].numeric[1]', /must be a number/],
];

describe('validatePattern rejects', () => {
  for (const [what, pattern, path, message] of cases) {
    it(`${what}, at path "${path}"`, () => {
      const err = rejection(pattern);
      expect(err.path).toBe(path);
      expect(err.message).toMatch(message);
    });
  }

  it('$or combinations beyond the limit (ten binary $or groups expand to 1024)', () => {
    const pattern: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) pattern[`g${i}`] = { $or: [{ a: ['x'] }, { b: ['y'] }] };
    const err = rejection(pattern);
    expect(err.message).toMatch(/too complex/);
    expect(err.path).toMatch(/^g9\.\$or\[\d\]$/);
  });
});

describe('validatePattern accepts', () => {
  it('returns the pattern it was given', () => {
    const pattern = { source: ['a'], detail: { n: [{ numeric: ['>', 0, '<=', 5] }] } };
    expect(validatePattern(pattern)).toBe(pattern);
  });

  it('operator names as ordinary field names outside $or', () => {
    expect(matches({ prefix: ['x'], numeric: { exists: [true] } }, { prefix: 'x', numeric: { exists: true } })).toBe(true);
  });

  it('every documented operator form', () => {
    const pattern = {
      a: ['s', 1, true, false, null, ''],
      b: [{ prefix: 'p' }, { prefix: { 'equals-ignore-case': 'P' } }, { prefix: '' }],
      c: [{ suffix: 's' }, { suffix: { 'equals-ignore-case': 'S' } }],
      d: [{ 'equals-ignore-case': 'x' }, { wildcard: 'a*b\\*c\\\\' }, { exists: true }, { exists: false }],
      e: [{ 'anything-but': 'x' }, { 'anything-but': 5 }, { 'anything-but': ['x', 'y'] }, { 'anything-but': [1, 2.5] }],
      f: [
        { 'anything-but': { prefix: 'p' } },
        { 'anything-but': { suffix: ['s', 't'] } },
        { 'anything-but': { 'equals-ignore-case': ['A', 'b'] } },
        { 'anything-but': { wildcard: '*/lib/*' } },
      ],
      g: [{ numeric: ['=', 3.018e2] }, { numeric: ['<', 10] }, { numeric: ['>=', -5e9, '<', 5e9] }],
      h: [{ cidr: '10.0.0.0/24' }, { cidr: '2001:db8::/64' }, { cidr: '0.0.0.0/0' }],
      $or: [{ i: ['x'] }, { j: { $or: [{ k: ['y'] }, { l: ['z'] }] } }],
    };
    expect(() => validatePattern(pattern)).not.toThrow();
  });

  it('compilePattern validates too, with the same error', () => {
    expect(() => compilePattern({ source: [] })).toThrow(InvalidPatternError);
  });

  it('the error is an Error with name InvalidPatternError and the path in its message', () => {
    const err = rejection({ detail: { amount: [{ numeric: ['>', 'x'] }] } });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('InvalidPatternError');
    expect(err.message).toContain('detail.amount[0].numeric[1]');
  });
});
