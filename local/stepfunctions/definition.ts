/**
 * Prepares an ASL file for the local interpreter: the same `${Placeholder}` substitution CDK does
 * (with local ARNs), then a walk over every Task — States, Parallel branches, Map ItemProcessor /
 * Iterator — because aws-local-stepfunctions keys its overrides by state NAME, not by resource.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { substitute, type StateMachineDef } from '../../functions/contracts/asl.js';
import { functionArn, stateMachineArn } from '../lambda/arns.js';

/** Replaces `$$.Task.Token` in Parameters; the token broker swaps it for a real token. */
export const TASK_TOKEN_SENTINEL = '__LOCAL_TASK_TOKEN__';
/** setTimeout's ceiling in seconds; stands in for Step Functions' default (a year) on token tasks. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export interface TaskStateInfo {
  readonly name: string;
  readonly resource: string;
  readonly waitForTaskToken: boolean;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  /** Per retrier IntervalSeconds, for scaled retry overrides. */
  readonly retryIntervals: readonly number[];
}

type Json = Record<string, unknown>;

export function substitutedAsl(def: StateMachineDef, rootDir: string, text?: string): string {
  const asl = text ?? readFileSync(resolve(rootDir, def.file), 'utf8');
  const values: Record<string, string> = {};
  for (const [placeholder, fnId] of Object.entries(def.functions)) values[placeholder] = functionArn(fnId);
  for (const [placeholder, smId] of Object.entries(def.stateMachines ?? {})) values[placeholder] = stateMachineArn(smId);
  return substitute(asl, values);
}

/** Every state of a definition (nested ones too); `visit` may edit the state in place. */
export function walkStates(definition: Json, visit: (name: string, state: Json) => void): void {
  const states = (definition.States ?? {}) as Record<string, Json>;
  for (const [name, state] of Object.entries(states)) {
    visit(name, state);
    if (state.Type === 'Parallel') for (const b of (state.Branches ?? []) as Json[]) walkStates(b, visit);
    if (state.Type === 'Map') {
      const inner = (state.ItemProcessor ?? state.Iterator) as Json | undefined;
      if (inner) walkStates(inner, visit);
    }
  }
}

/** Every Task of a definition (nested ones too). */
export function walkTasks(definition: Json, visit: (name: string, state: Json) => void): void {
  walkStates(definition, (name, state) => { if (state.Type === 'Task') visit(name, state); });
}

/**
 * aws-local-stepfunctions 3.0.0 mishandles an explicit `"ResultPath": "$"` (it writes the result
 * under a key named "$" instead of replacing the input). "$" is the ASL default, so dropping it
 * is exactly equivalent — and lets the ASL files say what they mean.
 */
function dropRootResultPaths(definition: Json): void {
  walkStates(definition, (_name, state) => {
    if (state.ResultPath === '$') delete state.ResultPath;
    for (const c of (state.Catch ?? []) as Json[]) if (c.ResultPath === '$') delete c.ResultPath;
  });
}

function replaceTokenPaths(template: unknown): { value: unknown; found: boolean } {
  if (Array.isArray(template)) {
    let found = false;
    const value = template.map((v) => { const r = replaceTokenPaths(v); found ||= r.found; return r.value; });
    return { value, found };
  }
  if (template && typeof template === 'object') {
    let found = false;
    const out: Json = {};
    for (const [k, v] of Object.entries(template as Json)) {
      if (k.endsWith('.$') && v === '$$.Task.Token') {
        out[k.slice(0, -2)] = TASK_TOKEN_SENTINEL;
        found = true;
      } else {
        const r = replaceTokenPaths(v);
        found ||= r.found;
        out[k] = r.value;
      }
    }
    return { value: out, found };
  }
  return { value: template, found: false };
}

/**
 * Parses the substituted ASL and returns it ready for the interpreter plus its Task states.
 * Token tasks get `$$.Task.Token` replaced by the sentinel and an explicit TimeoutSeconds (the
 * interpreter's default is 60 s; Step Functions' is far longer).
 */
export function prepareDefinition(asl: string): { definition: Json; tasks: TaskStateInfo[] } {
  const definition = JSON.parse(asl) as Json;
  dropRootResultPaths(definition);
  const tasks: TaskStateInfo[] = [];
  const seen = new Map<string, string>();
  walkTasks(definition, (name, state) => {
    const resource = String(state.Resource);
    const prior = seen.get(name);
    if (prior !== undefined && prior !== resource) {
      throw new Error(`two Task states named "${name}" with different resources: the local interpreter keys handlers by state name`);
    }
    seen.set(name, resource);
    const waitForTaskToken = resource.endsWith('.waitForTaskToken');
    if (waitForTaskToken) {
      if (state.Parameters !== undefined) state.Parameters = replaceTokenPaths(state.Parameters).value;
      if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) state.TimeoutSeconds = MAX_TIMER_SECONDS;
    }
    const heartbeat = typeof state.HeartbeatSeconds === 'number' ? state.HeartbeatSeconds : undefined;
    tasks.push({
      name,
      resource,
      waitForTaskToken,
      timeoutSeconds: typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : undefined,
      heartbeatSeconds: heartbeat,
      retryIntervals: ((state.Retry ?? []) as Json[]).map((r) => (typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1)),
    });
  });
  return { definition, tasks };
}

/** Deep copy of `value` with every sentinel string replaced by `token`. */
export function injectToken(value: unknown, token: string): unknown {
  if (value === TASK_TOKEN_SENTINEL) return token;
  if (Array.isArray(value)) return value.map((v) => injectToken(v, token));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) out[k] = injectToken(v, token);
    return out;
  }
  return value;
}
