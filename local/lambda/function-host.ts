/**
 * Loads each function's handler module once (by the contract's `entry` path) and invokes it the
 * way Lambda does: `handler(event, context)`, the promise's value is the result, a throw is a
 * function error that keeps its `name` (Lambda's errorType) and `message` (errorMessage).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FunctionDef } from '../../functions/contracts/functions.js';
import { lambdaContext, type LambdaContext } from './context.js';

export type LambdaHandler = (event: unknown, context: LambdaContext) => unknown;

export interface FunctionHost {
  has(id: string): boolean;
  def(id: string): FunctionDef;
  /** Runs the function's handler; rejects with the handler's error (or a timeout error). */
  invoke(id: string, event: unknown, awsRequestId?: string): Promise<unknown>;
  /** Modules that failed to import. */
  readonly loadErrors: readonly { id: string; message: string }[];
}

export interface LoadFunctionsOptions {
  /** Repository root the `entry` paths are relative to. */
  readonly rootDir: string;
  /** Called right before each module is imported (e.g. to set AWS_LAMBDA_FUNCTION_NAME). */
  readonly beforeImport?: (def: FunctionDef) => void;
  /** Told about a module that failed to import (the function then fails every invocation). */
  readonly onLoadError?: (def: FunctionDef, message: string) => void;
}

/** Lambda kills an invocation at its timeout; we cannot kill, but we answer like Lambda. */
class TimeoutError extends Error {
  override readonly name = 'Sandbox.Timedout';
}

class ImportModuleError extends Error {
  override readonly name = 'Runtime.ImportModuleError';
}

export async function loadFunctions(defs: readonly FunctionDef[], opts: LoadFunctionsOptions): Promise<FunctionHost> {
  const byId = new Map<string, { def: FunctionDef; handler: LambdaHandler }>();
  // Sequential on purpose: beforeImport may set process-wide state read at module load.
  const loadErrors: { id: string; message: string }[] = [];
  for (const def of defs) {
    opts.beforeImport?.(def);
    try {
      const mod = (await import(pathToFileURL(resolve(opts.rootDir, def.entry)).href)) as { handler?: unknown };
      if (typeof mod.handler !== 'function') throw new Error(`${def.entry} does not export a handler function`);
      byId.set(def.id, { def, handler: mod.handler as LambdaHandler });
    } catch (err) {
      // One broken module must not take the whole runtime down (on AWS it would only break its
      // own function): every invocation fails like Lambda's Runtime.ImportModuleError.
      const message = `${def.entry}: ${(err as Error).message}`;
      loadErrors.push({ id: def.id, message });
      opts.onLoadError?.(def, message);
      byId.set(def.id, { def, handler: () => { throw new ImportModuleError(message); } });
    }
  }
  const get = (id: string): { def: FunctionDef; handler: LambdaHandler } => {
    const f = byId.get(id);
    if (!f) throw new Error(`unknown function ${id}`);
    return f;
  };
  return {
    loadErrors,
    has: (id) => byId.has(id),
    def: (id) => get(id).def,
    async invoke(id, event, awsRequestId) {
      const { def, handler } = get(id);
      const context = lambdaContext(def, awsRequestId);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(`Task timed out after ${def.timeoutSeconds}.00 seconds`)), def.timeoutSeconds * 1000);
      });
      try {
        return await Promise.race([Promise.resolve().then(() => handler(event, context)), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
