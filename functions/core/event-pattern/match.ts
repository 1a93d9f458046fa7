/**
 * Matching compiled patterns against events.
 *
 * A pattern matches when any branch matches (branches are its `$or` combinations). A branch is
 * a list of leaf fields; it matches when every field finds a leaf value its predicate accepts
 * (docs: "the event must contain all the field names listed in the event pattern"), or, for
 * `{"exists": false}`, finds none.
 *
 * Arrays: a leaf field matches if any element matches (docs "Arrays in Amazon EventBridge event
 * patterns"). When the event has arrays of objects, EventBridge matches "array-consistently"
 * (event-ruler README "JSON Array Matching", `rulesForJSONEvent`): all fields used for one match
 * must come from the same element of any array they share, so `{"d": {"a": [1], "b": [2]}}` does
 * not match `{"d": [{"a": 1}, {"b": 2}]}`. event-ruler walks the fields in the order of their
 * dotted names, binding array elements as it goes; an `exists: false` field is checked against
 * the fields consistent with the elements bound so far. The slow path below does the same.
 *
 * Events with no array on a pattern field's path (the common case) take a fast path that just
 * walks the path: no allocation, a few property reads and one predicate call per field.
 */
import type { Leaf, LeafTest } from './leaf.js';
import { isLeaf } from './leaf.js';
import type { Branch } from './validate.js';
import { parsePattern } from './validate.js';

interface Field {
  readonly path: readonly string[];
  /** Per path segment: the key also exists on Object.prototype, so require an own property. */
  readonly ownOnly: readonly boolean[];
  readonly test: LeafTest | null;
  readonly absent: boolean;
}

const MISSING = Symbol('missing');
const ARRAY = Symbol('array');
const hasOwn = Object.prototype.hasOwnProperty;

function child(node: object, key: string, ownOnly: boolean): unknown {
  if (ownOnly && !hasOwn.call(node, key)) return undefined;
  return (node as Record<string, unknown>)[key];
}

/** Walks a field's path; MISSING when there is nothing there, ARRAY when an array is in the way. */
function lookup(event: unknown, field: Field): unknown {
  let node = event;
  const { path, ownOnly } = field;
  for (let i = 0; i < path.length; i++) {
    if (typeof node !== 'object' || node === null) return MISSING;
    if (Array.isArray(node)) return ARRAY;
    node = child(node, path[i]!, ownOnly[i]!);
    if (node === undefined) return MISSING;
  }
  return Array.isArray(node) ? ARRAY : node;
}

/** Which element of which array a leaf value came from, innermost first. */
interface Membership {
  readonly array: readonly unknown[];
  readonly index: number;
  readonly next: Membership | null;
}

interface Occurrence {
  readonly value: Leaf;
  readonly membership: Membership | null;
}

function collect(node: unknown, field: Field, depth: number, membership: Membership | null, out: Occurrence[]): void {
  if (Array.isArray(node)) {
    // Arrays add no name segment (event-ruler flattens them), at any depth and any nesting.
    for (let i = 0; i < node.length; i++) collect(node[i], field, depth, { array: node, index: i, next: membership }, out);
    return;
  }
  if (depth === field.path.length) {
    // An object here has no leaf value at this name: "exists" only works on leaf nodes.
    if (isLeaf(node)) out.push({ value: node, membership });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const next = child(node, field.path[depth]!, field.ownOnly[depth]!);
  if (next !== undefined) collect(next, field, depth + 1, membership, out);
}

function consistent(bound: Membership | null, membership: Membership | null): boolean {
  for (let m = membership; m !== null; m = m.next) {
    for (let b = bound; b !== null; b = b.next) if (b.array === m.array && b.index !== m.index) return false;
  }
  return true;
}

function bind(bound: Membership | null, membership: Membership | null): Membership | null {
  let out = bound;
  for (let m = membership; m !== null; m = m.next) out = { array: m.array, index: m.index, next: out };
  return out;
}

/** Array-consistent matching of the fields whose paths cross an array (see module comment). */
function matchAcrossArrays(fields: readonly Field[], event: unknown): boolean {
  const occurrences = fields.map((field) => {
    const out: Occurrence[] = [];
    collect(event, field, 0, null, out);
    return out;
  });
  const search = (i: number, bound: Membership | null): boolean => {
    if (i === fields.length) return true;
    const field = fields[i]!;
    const found = occurrences[i]!;
    if (field.test !== null) {
      for (const occ of found) {
        if (consistent(bound, occ.membership) && field.test(occ.value) && search(i + 1, bind(bound, occ.membership))) return true;
      }
    }
    return field.absent && !found.some((occ) => consistent(bound, occ.membership)) && search(i + 1, bound);
  };
  return search(0, null);
}

function matchBranch(fields: readonly Field[], event: unknown): boolean {
  let crossing: Field[] | null = null;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = lookup(event, field);
    if (value === ARRAY) {
      (crossing ??= []).push(field);
    } else if (isLeaf(value)) {
      if (field.test === null || !field.test(value)) return false;
    } else if (!field.absent) {
      return false;
    }
  }
  // Fields that reached a value without crossing an array bind no element, so they cannot
  // conflict with the others; only the crossing ones need the consistent search.
  return crossing === null || matchAcrossArrays(crossing, event);
}

function toFields(branch: Branch): Field[] {
  return branch.map((spec) => ({
    path: spec.path,
    ownOnly: spec.path.map((key) => key in Object.prototype),
    test: spec.test,
    absent: spec.absent,
  }));
}

/**
 * Validates `pattern` once (throwing InvalidPatternError with the path of the bad part) and
 * returns a matcher for events. Events are JSON values as produced by JSON.parse; properties
 * whose value is `undefined` count as absent, like JSON.stringify would drop them.
 */
export function compilePattern(pattern: unknown): (event: unknown) => boolean {
  const branches = parsePattern(pattern).map(toFields);
  if (branches.length === 1) {
    const only = branches[0]!;
    return (event) => matchBranch(only, event);
  }
  return (event) => {
    for (const fields of branches) if (matchBranch(fields, event)) return true;
    return false;
  };
}

/** One-off match; compiles the pattern on every call, so use compilePattern on hot paths. */
export function matches(pattern: unknown, event: unknown): boolean {
  return compilePattern(pattern)(event);
}
