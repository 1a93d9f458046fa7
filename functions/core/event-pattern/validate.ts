/**
 * Validation and compilation of an EventBridge event pattern, in one walk, into the form the
 * matcher runs: a list of branches (one per combination of `$or` choices, as event-ruler's
 * JsonRuleCompiler expands them), each a list of leaf fields sorted by their dotted name, each
 * field carrying one compiled predicate over a leaf value and whether absence satisfies it.
 *
 * Rules and messages follow event-ruler's JsonRuleCompiler (the engine EventBridge runs) and the
 * AWS docs "Content filtering in Amazon EventBridge event patterns" / "Comparison operators for
 * use in event patterns"; every error carries the path of the offending part of the pattern.
 */
import { InvalidPatternError, indexPath, keyPath } from './errors.js';
import { inRange, parseCidr, parseIp } from './ip.js';
import type { Leaf, LeafTest } from './leaf.js';
import { anyOf, ignoreCaseTest, isComparable, numericProblem, parseWildcard, wildcardTest } from './leaf.js';

export type EventPattern = Record<string, unknown>;

export interface FieldSpec {
  /** Dotted name ("detail.amount"), the sort key event-ruler orders fields by. */
  readonly name: string;
  /** Object keys from the event root to the leaf. */
  readonly path: readonly string[];
  /** Matches one leaf value; null when only absence can satisfy the field. */
  readonly test: LeafTest | null;
  /** True when the field also matches where the event has no leaf value at this path. */
  readonly absent: boolean;
}

export type Branch = readonly FieldSpec[];

/**
 * Upper bound on `$or` combinations. The expansion is multiplicative, so a short merchant-written
 * pattern could otherwise cost unbounded memory; EventBridge documents no number here.
 */
export const MAX_BRANCHES = 1000;

// event-ruler's Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP: inside `$or`, an operator
// name used as a field name almost certainly means a mis-nested pattern, so it is rejected.
const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

const OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'exists', 'cidr'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string, path: string): never {
  throw new InvalidPatternError(message, path);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function requireString(value: unknown, what: string, path: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string, got ${describe(value)}`, path);
  return value;
}

/** Checks `{ "<op>": value }` has exactly one key and returns it. */
function singleKey(expr: Record<string, unknown>, path: string, what: string): [string, unknown] {
  const keys = Object.keys(expr);
  if (keys.length === 0) fail(`${what} must name an operator`, path);
  if (keys.length > 1) fail(`${what} must have exactly one key, got ${keys.map((k) => JSON.stringify(k)).join(', ')}`, path);
  return [keys[0]!, expr[keys[0]!]];
}

// ---------------------------------------------------------------------------------------------
// Operators. Each returns the predicate for one element of a field's value array.
// ---------------------------------------------------------------------------------------------

/** Docs "Prefix matching" / "Prefix matching while ignoring case": strings only. */
function prefixTest(value: unknown, path: string): LeafTest {
  if (isObject(value)) {
    const [op, text] = singleKey(value, path, 'prefix object');
    if (op !== 'equals-ignore-case') fail(`Unsupported prefix pattern: ${op}`, keyPath(path, op));
    const test = ignoreCaseTest(requireString(text, 'prefix equals-ignore-case value', keyPath(path, op)), 'prefix');
    return (v) => typeof v === 'string' && test(v);
  }
  const prefix = requireString(value, 'prefix value', path);
  return (v) => typeof v === 'string' && v.startsWith(prefix);
}

/** Docs "Suffix matching" / "Suffix matching while ignoring case": strings only. */
function suffixTest(value: unknown, path: string): LeafTest {
  if (isObject(value)) {
    const [op, text] = singleKey(value, path, 'suffix object');
    if (op !== 'equals-ignore-case') fail(`Unsupported suffix pattern: ${op}`, keyPath(path, op));
    const test = ignoreCaseTest(requireString(text, 'suffix equals-ignore-case value', keyPath(path, op)), 'suffix');
    return (v) => typeof v === 'string' && test(v);
  }
  const suffix = requireString(value, 'suffix value', path);
  return (v) => typeof v === 'string' && v.endsWith(suffix);
}

function wildcardSegments(value: unknown, path: string): string[] {
  const parsed = parseWildcard(requireString(value, 'wildcard value', path));
  if (typeof parsed === 'string') fail(parsed, path);
  return parsed;
}

function comparableNumber(value: unknown, what: string, path: string): number {
  if (typeof value !== 'number') fail(`${what} must be a number, got ${describe(value)}`, path);
  const problem = numericProblem(value);
  if (problem !== null) fail(problem, path);
  return value;
}

/**
 * Docs "Numeric matching": `["=", x]`, `["<" | "<=", x]`, `[">" | ">=", x]` or
 * `[">" | ">=", x, "<" | "<=", y]` with x < y. Only JSON numbers in the event match.
 */
function numericTest(value: unknown, path: string): LeafTest {
  if (!Array.isArray(value)) fail(`numeric value must be an array, got ${describe(value)}`, path);
  const op = value[0];
  if (typeof op !== 'string') fail(`numeric must start with an operator ("=", "<", "<=", ">", ">="), got ${describe(op)}`, indexPath(path, 0));
  if (!['=', '<', '<=', '>', '>='].includes(op)) {
    fail(`Unrecognized numeric operator ${JSON.stringify(op)} (expected "=", "<", "<=", ">", ">=")`, indexPath(path, 0));
  }
  const operand = (i: number): number => comparableNumber(value[i], `numeric operand after "${String(value[i - 1])}"`, indexPath(path, i));
  const noMore = (n: number): void => {
    if (value.length > n) fail(`Too many elements in numeric expression (expected ${n})`, indexPath(path, n));
  };
  if (value.length < 2) fail(`numeric "${op}" needs a number after it`, indexPath(path, 1));

  switch (op) {
    case '=': {
      const x = operand(1);
      noMore(2);
      return (v) => v === x;
    }
    case '<':
    case '<=': {
      const top = operand(1);
      noMore(2);
      return op === '<'
        ? (v) => typeof v === 'number' && v < top && isComparable(v)
        : (v) => typeof v === 'number' && v <= top && isComparable(v);
    }
    case '>':
    case '>=': {
      const bottom = operand(1);
      const openBottom = op === '>';
      if (value.length === 2) {
        return openBottom
          ? (v) => typeof v === 'number' && v > bottom && isComparable(v)
          : (v) => typeof v === 'number' && v >= bottom && isComparable(v);
      }
      const op2 = value[2];
      if (op2 !== '<' && op2 !== '<=') fail(`Bad numeric range operator: ${describe(op2)} (expected "<" or "<=")`, indexPath(path, 2));
      if (value.length < 4) fail(`numeric "${op2}" needs a number after it`, indexPath(path, 3));
      const top = operand(3);
      noMore(4);
      if (!(bottom < top)) fail('Bottom must be less than top', indexPath(path, 3));
      const openTop = op2 === '<';
      return (v) =>
        typeof v === 'number' &&
        (openBottom ? v > bottom : v >= bottom) &&
        (openTop ? v < top : v <= top) &&
        isComparable(v);
    }
    default:
      return fail(`Unrecognized numeric operator ${JSON.stringify(op)}`, indexPath(path, 0));
  }
}

/** Docs "IP address matching": IPv4 and IPv6 CIDR blocks; only strings that are IP literals match. */
function cidrTest(value: unknown, path: string): LeafTest {
  const range = parseCidr(requireString(value, 'cidr value', path));
  if (typeof range === 'string') fail(range, path);
  return (v) => {
    if (typeof v !== 'string') return false;
    const ip = parseIp(v);
    return ip !== null && inRange(ip, range);
  };
}

/** Docs "Exists matching": true matches any leaf value (null included); false matches absence. */
function existsValue(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(`exists value must be true or false, got ${describe(value)}`, path);
  return value;
}

/**
 * Docs "Anything-but matching": a string, a number, or a non-empty list of only strings or only
 * numbers; or one of prefix / suffix / equals-ignore-case / wildcard with a string or list of
 * strings. It matches a present leaf value that the inner condition does not match: as in
 * event-ruler (ByteMachine), a value of another type (number vs string, null, boolean) is never
 * excluded, so `{"anything-but": "x"}` matches 5 and null. Absent fields never match.
 */
function anythingButTest(value: unknown, path: string): LeafTest {
  if (isObject(value)) {
    const [op, inner] = singleKey(value, path, 'anything-but object');
    const innerPath = keyPath(path, op);
    if (op !== 'prefix' && op !== 'suffix' && op !== 'equals-ignore-case' && op !== 'wildcard') {
      fail(`Unsupported anything-but pattern: ${op} (expected prefix, suffix, equals-ignore-case or wildcard)`, innerPath);
    }
    // event-ruler accepts a single string or a list of strings for each of these; it does not
    // reject an empty list (which then excludes nothing).
    const texts: Array<[string, string]> = [];
    if (Array.isArray(inner)) {
      inner.forEach((t, i) => texts.push([requireString(t, `anything-but ${op} value`, indexPath(innerPath, i)), indexPath(innerPath, i)]));
    } else {
      texts.push([requireString(inner, `anything-but ${op} value`, innerPath), innerPath]);
    }
    let excluded: Array<(s: string) => boolean>;
    switch (op) {
      case 'prefix':
      case 'suffix':
        excluded = texts.map(([t, p]) => {
          if (t === '') fail(`Empty anything-but ${op} is not allowed`, p);
          return op === 'prefix' ? (s: string) => s.startsWith(t) : (s: string) => s.endsWith(t);
        });
        break;
      case 'equals-ignore-case':
        excluded = texts.map(([t]) => ignoreCaseTest(t, 'equals'));
        break;
      default:
        excluded = texts.map(([t, p]) => wildcardTest(wildcardSegments(t, p)));
    }
    return (v) => {
      if (typeof v !== 'string') return true;
      for (const ex of excluded) if (ex(v)) return false;
      return true;
    };
  }

  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) fail('anything-but list must not be empty', path);
  const strings = new Set<string>();
  const numbers = new Set<number>();
  list.forEach((item, i) => {
    const itemPath = Array.isArray(value) ? indexPath(path, i) : path;
    if (typeof item === 'string') strings.add(item);
    else if (typeof item === 'number') numbers.add(comparableNumber(item, 'anything-but number', itemPath));
    else fail(`anything-but values must be strings or numbers, got ${describe(item)}`, itemPath);
  });
  if (strings.size > 0 && numbers.size > 0) fail('anything-but list must be all strings or all numbers, not both', path);
  if (strings.size > 0) return (v) => typeof v !== 'string' || !strings.has(v);
  // A number that cannot be compared numerically (out of range, >6 decimals) is never excluded.
  return (v) => typeof v !== 'number' || !numbers.has(v) || !isComparable(v);
}

/** Compiles one field's value array: the elements are OR-ed (docs "Matching event values"). */
function compileField(values: unknown[], path: string): { test: LeafTest | null; absent: boolean } {
  if (values.length === 0) fail('Empty arrays are not allowed', path);
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const literals = new Set<boolean | null>();
  const tests: LeafTest[] = [];
  let existsTrue = false;
  let absent = false;

  values.forEach((item, i) => {
    const itemPath = indexPath(path, i);
    if (typeof item === 'string') {
      // event-ruler turns a string that is an IP literal into a one-address range, so
      // "10.0.0.1" also matches other spellings of the same address ("2001:db8::1" and
      // "2001:DB8:0:0:0:0:0:1").
      const ip = parseIp(item);
      if (ip === null) strings.add(item);
      else {
        const range = { low: ip, high: ip };
        tests.push((v) => {
          if (typeof v !== 'string') return false;
          const other = parseIp(v);
          return other !== null && inRange(other, range);
        });
      }
    } else if (typeof item === 'number') {
      // Numbers match numerically (docs "Numeric matching": 3.018e2 equals 301.8); a JSON number
      // never equals a string, so 5 does not match "5".
      numbers.add(item);
    } else if (typeof item === 'boolean' || item === null) {
      literals.add(item);
    } else if (isObject(item)) {
      const [op, operand] = singleKey(item, itemPath, 'match expression');
      const opPath = keyPath(itemPath, op);
      switch (op) {
        case 'prefix':
          tests.push(prefixTest(operand, opPath));
          break;
        case 'suffix':
          tests.push(suffixTest(operand, opPath));
          break;
        case 'equals-ignore-case': {
          const test = ignoreCaseTest(requireString(operand, 'equals-ignore-case value', opPath), 'equals');
          tests.push((v) => typeof v === 'string' && test(v));
          break;
        }
        case 'wildcard': {
          const test = wildcardTest(wildcardSegments(operand, opPath));
          tests.push((v) => typeof v === 'string' && test(v));
          break;
        }
        case 'anything-but':
          tests.push(anythingButTest(operand, opPath));
          break;
        case 'numeric':
          tests.push(numericTest(operand, opPath));
          break;
        case 'cidr':
          tests.push(cidrTest(operand, opPath));
          break;
        case 'exists':
          if (existsValue(operand, opPath)) existsTrue = true;
          else absent = true;
          break;
        default:
          fail(`Unrecognized match type ${JSON.stringify(op)} (expected one of ${OPERATORS.join(', ')})`, opPath);
      }
    } else {
      fail(`Match value must be a string, number, true, false, null or an operator object, got ${describe(item)}`, itemPath);
    }
  });

  if (existsTrue) return { test: () => true, absent };
  const exact: LeafTest[] = [];
  if (strings.size === 1) {
    const [only] = strings;
    exact.push((v) => v === only);
  } else if (strings.size > 1) exact.push((v) => typeof v === 'string' && strings.has(v));
  if (numbers.size > 0) exact.push((v) => typeof v === 'number' && numbers.has(v));
  if (literals.size > 0) exact.push((v) => typeof v !== 'string' && typeof v !== 'number' && literals.has(v as boolean | null));
  return { test: anyOf([...exact, ...tests]), absent };
}

// ---------------------------------------------------------------------------------------------
// Structure: nested objects, leaf arrays and `$or` (docs "Or matching"; event-ruler README
// "The $or Primitive": an array of at least two objects; branches may nest further `$or`).
// ---------------------------------------------------------------------------------------------

type Rules = Array<Map<string, FieldSpec>>;

interface Context {
  rules: Rules;
}

function parseObject(ctx: Context, obj: Record<string, unknown>, segments: readonly string[], path: string, inOr: boolean): void {
  const keys = Object.keys(obj);
  if (keys.length === 0) fail('Empty objects are not allowed', path);
  for (const key of keys) {
    const value = obj[key];
    const fieldPath = keyPath(path, key);
    if (key === '$or') {
      parseOr(ctx, value, segments, fieldPath);
      continue;
    }
    if (inOr && RESERVED_IN_OR.has(key)) {
      fail(`"${key}" is a reserved keyword and cannot be used as a field name inside $or`, fieldPath);
    }
    if (Array.isArray(value)) {
      const { test, absent } = compileField(value, fieldPath);
      const fieldSegments = [...segments, key];
      const spec: FieldSpec = { name: fieldSegments.join('.'), path: fieldSegments, test, absent };
      if (ctx.rules.length === 0) ctx.rules.push(new Map());
      // Like event-ruler, a later definition of the same field in one branch replaces the earlier.
      for (const rule of ctx.rules) rule.set(spec.name, spec);
    } else if (isObject(value)) {
      parseObject(ctx, value, [...segments, key], fieldPath, inOr);
    } else {
      fail(`"${key}" must be an object or an array, got ${describe(value)}`, fieldPath);
    }
  }
}

function parseOr(ctx: Context, value: unknown, segments: readonly string[], path: string): void {
  if (!Array.isArray(value)) fail(`$or must be an array of at least 2 objects, got ${describe(value)}`, path);
  const before = ctx.rules;
  const after: Rules = [];
  value.forEach((option, i) => {
    const optionPath = indexPath(path, i);
    if (!isObject(option)) fail(`Only JSON objects are allowed in a $or array, got ${describe(option)}`, optionPath);
    const sub: Context = { rules: before.length === 0 ? [new Map()] : before.map((r) => new Map(r)) };
    parseObject(sub, option, segments, optionPath, true);
    after.push(...sub.rules);
    if (after.length > MAX_BRANCHES) fail(`Pattern is too complex: $or expands to more than ${MAX_BRANCHES} combinations`, optionPath);
  });
  if (value.length < 2) fail('$or must contain at least 2 objects', path);
  ctx.rules = after;
}

/** Validates a pattern and compiles it to branches (see module comment). */
export function parsePattern(pattern: unknown): Branch[] {
  if (!isObject(pattern)) fail(`Event pattern must be a JSON object, got ${describe(pattern)}`, '');
  const ctx: Context = { rules: [] };
  parseObject(ctx, pattern, [], '', false);
  return ctx.rules.map((rule) => [...rule.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** Throws {@link InvalidPatternError} (with the path of the bad part) unless `pattern` is valid. */
export function validatePattern(pattern: unknown): EventPattern {
  parsePattern(pattern);
  return pattern as EventPattern;
}

