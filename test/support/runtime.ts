/**
 * The local runtime for e2e tests: in memory, any free port, quiet, a throw-away data directory,
 * short bus/stream retry delays, no recurring schedules; reuses the run's DynamoDB Local (with a
 * unique table prefix) unless `dynamoEndpoint: undefined` is passed explicitly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../local/runtime.js';
import { uniquePrefix } from './dynamo.js';

export type TestRuntime = Runtime;

export async function startTestRuntime(opts: RuntimeOptions = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'agentpay-e2e-'));
  const shared = 'dynamoEndpoint' in opts ? opts.dynamoEndpoint : inject('ddbEndpoint');
  const rt = await startRuntime({
    port: 0, inMemory: true, quiet: true, dataDir, busRetryBaseMs: 20, streamRetryBaseMs: 20, noSchedules: true,
    ...(shared && { tablePrefix: uniquePrefix('e2e') }),
    ...opts,
    dynamoEndpoint: shared,
  });
  return {
    ...rt,
    stop: async () => {
      await rt.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 3_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
