/**
 * Predicates over one leaf value of an event (string, number, boolean or null), the building
 * blocks every comparison operator compiles to. Each mirrors how aws/event-ruler (the engine
 * behind EventBridge) matches; where that is not obvious the reason is given next to the code.
 */

export type Leaf = string | number | boolean | null;
export type LeafTest = (value: Leaf) => boolean;

export function isLeaf(value: unknown): value is Leaf {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || value === null;
}

// ---------------------------------------------------------------------------------------------
// Numbers. EventBridge docs ("Numeric matching"): numeric matching works with JSON numbers
// "limited to values between -5.0e9 and +5.0e9 inclusive, with 15 digits of precision, or six
// digits to the right of the decimal point". event-ruler's ComparableNumber rejects anything
// else in a pattern and leaves such event values out of numeric comparisons.
// ---------------------------------------------------------------------------------------------

export const NUMERIC_LIMIT = 5e9;
export const NUMERIC_DECIMALS = 6;

function decimalPlaces(x: number): number {
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  return (dot < 0 ? 0 : mantissa.length - dot - 1) - exponent;
}

/** Why a number cannot take part in numeric matching, or null when it can. */
export function numericProblem(x: number): string | null {
  if (!(x >= -NUMERIC_LIMIT && x <= NUMERIC_LIMIT)) return 'Value must be between -5.0E9 and 5.0E9, inclusive';
  if (Number.isInteger(x)) return null;
  // Below 1e9 the six-decimal round trip is exact in binary floating point, and cheaper than
  // printing the number; above it, fall back to the shortest decimal representation.
  if (x > -1e9 && x < 1e9 ? Math.round(x * 1e6) / 1e6 === x : decimalPlaces(x) <= NUMERIC_DECIMALS) return null;
  return 'Only values up to 6 decimals are supported';
}

export function isComparable(value: Leaf): value is number {
  return typeof value === 'number' && numericProblem(value) === null;
}

// ---------------------------------------------------------------------------------------------
// equals-ignore-case (also inside prefix, suffix and anything-but). event-ruler's
// EqualsIgnoreCaseParser accepts, for each character of the pattern, exactly its lower-case and
// its upper-case form (Locale.ROOT); the event's characters must match position by position.
// ---------------------------------------------------------------------------------------------

export type CaseMode = 'equals' | 'prefix' | 'suffix';

export function ignoreCaseTest(pattern: string, mode: CaseMode): (s: string) => boolean {
  const alternatives: string[][] = [];
  let singleUnits = true;
  for (const ch of pattern) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const alts = lower === upper ? [lower] : [lower, upper];
    if (alts.some((a) => a.length !== 1)) singleUnits = false;
    alternatives.push(alts);
  }

  if (singleUnits) {
    // Fast path (every ASCII pattern): one UTF-16 unit per position, two candidates each.
    const n = alternatives.length;
    const lo = alternatives.map((a) => a[0]!.charCodeAt(0));
    const up = alternatives.map((a) => (a[1] ?? a[0]!).charCodeAt(0));
    const at = (s: string, offset: number): boolean => {
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(offset + i);
        if (c !== lo[i] && c !== up[i]) return false;
      }
      return true;
    };
    if (mode === 'equals') return (s) => s.length === n && at(s, 0);
    if (mode === 'prefix') return (s) => s.length >= n && at(s, 0);
    return (s) => s.length >= n && at(s, s.length - n);
  }

  // General path: some case mapping changes length ("ß" -> "SS"), so backtrack over choices.
  const walk = (s: string, pos: number, i: number, toEnd: boolean): boolean => {
    if (i === alternatives.length) return !toEnd || pos === s.length;
    for (const alt of alternatives[i]!) {
      if (s.startsWith(alt, pos) && walk(s, pos + alt.length, i + 1, toEnd)) return true;
    }
    return false;
  };
  if (mode === 'equals') return (s) => walk(s, 0, 0, true);
  if (mode === 'prefix') return (s) => walk(s, 0, 0, false);
  return (s) => {
    for (let start = s.length; start >= 0; start--) if (walk(s, start, 0, true)) return true;
    return false;
  };
}

// ---------------------------------------------------------------------------------------------
// wildcard. EventBridge docs ("Wildcard matching"): any number of "*", but not two in a row;
// "\*" is a literal asterisk, "\\" a literal backslash, and escaping anything else is invalid.
// ---------------------------------------------------------------------------------------------

/** Splits a wildcard pattern at its unescaped stars, or returns why it is invalid. */
export function parseWildcard(text: string): string[] | string {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '*') {
      if (text[i + 1] === '*') return `Consecutive wildcard characters at position ${i}`;
      segments.push(current);
      current = '';
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next !== '*' && next !== '\\') return `Invalid escape character at position ${i}`;
      current += next;
      i++;
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments;
}

/** Whole-string glob match where "*" stands for any run of characters, including none. */
export function wildcardTest(segments: readonly string[]): (s: string) => boolean {
  const first = segments[0]!;
  if (segments.length === 1) return (s) => s === first;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1);
  const minLength = segments.reduce((n, seg) => n + seg.length, 0);
  return (s) => {
    if (s.length < minLength || !s.startsWith(first) || !s.endsWith(last)) return false;
    let pos = first.length;
    // Leftmost placement of each middle segment leaves the most room for the rest.
    for (const seg of middle) {
      const at = s.indexOf(seg, pos);
      if (at < 0) return false;
      pos = at + seg.length;
    }
    return s.length - last.length >= pos;
  };
}

/** OR of several predicates, unrolled for the common small counts. */
export function anyOf(tests: readonly LeafTest[]): LeafTest | null {
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [LeafTest, LeafTest];
    return (v) => a(v) || b(v);
  }
  return (v) => {
    for (const t of tests) if (t(v)) return true;
    return false;
  };
}
