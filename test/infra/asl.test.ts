import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINES, placeholdersIn, substitute } from '../../functions/contracts/asl.js';
import { functionById } from '../../functions/contracts/functions.js';
import { fromRoot } from '../../lib/paths.js';

type AslValidator = (
  definition: unknown,
  opts?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: { message?: string }[]; errorsText: (separator?: string) => string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

const dummyFunctionArn = (id: string) => `arn:aws:lambda:us-east-1:123456789012:function:${id}`;
const dummyStateMachineArn = (id: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${id}`;

describe('state machine definitions (statemachines/*.asl.json)', () => {
  it('every ASL file is declared in contracts/asl.ts and every declared file exists', () => {
    const files = readdirSync(fromRoot('statemachines')).filter((f) => f.endsWith('.asl.json')).map((f) => `statemachines/${f}`);
    expect(new Set(STATE_MACHINES.map((s) => s.file))).toEqual(new Set(files));
  });

  it.each(STATE_MACHINES.map((s) => [s.file, s] as const))('%s: its placeholders are exactly the keys of the contract map', (_file, def) => {
    const asl = readFileSync(fromRoot(def.file), 'utf8');
    const declared = [...Object.keys(def.functions), ...Object.keys(def.stateMachines ?? {})];
    expect(new Set(placeholdersIn(asl))).toEqual(new Set(declared));
    for (const id of Object.values(def.functions)) expect(() => functionById(id)).not.toThrow();
    for (const id of Object.values(def.stateMachines ?? {})) expect(STATE_MACHINES.map((s) => s.id)).toContain(id);
  });

  it.each(STATE_MACHINES.map((s) => [s.file, s] as const))('%s: is valid Amazon States Language (asl-validator) once substituted with ARNs', (_file, def) => {
    const values: Record<string, string> = {};
    for (const [p, id] of Object.entries(def.functions)) values[p] = dummyFunctionArn(id);
    for (const [p, id] of Object.entries(def.stateMachines ?? {})) values[p] = dummyStateMachineArn(id);
    const definition: unknown = JSON.parse(substitute(readFileSync(fromRoot(def.file), 'utf8'), values));
    const result = aslValidator(definition, { checkPaths: true, checkArn: true });
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('asl-validator rejects a broken definition (the check can fail)', () => {
    const result = aslValidator({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } });
    expect(result.isValid).toBe(false);
  });
});
