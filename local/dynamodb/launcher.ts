/**
 * Starts AWS's DynamoDB Local (the jar shipped in amplify-dynamodb-simulator) with the machine's
 * Java, on a free loopback port, and stops it without leaving an orphan JVM behind (STACK.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from '../net/free-port.js';
import { findJava, hasSetpriv } from './java.js';

export interface DynamoLocalOptions {
  /** `true`: `-inMemory` (tests). `false`: `-sharedDb -dbPath <dbPath>` (data survives restarts). */
  readonly inMemory: boolean;
  readonly dbPath?: string;
  readonly port?: number;
  /** Give up when not ready within this many ms (default 30 s). */
  readonly readyTimeoutMs?: number;
}

export interface DynamoLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** Milliseconds from spawn to the first successful ListTables. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'us-east-1';

export function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Synchronous last resort: a JVM must never outlive the Node process that started it. */
function installExitHook(withSignals: boolean): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
  if (!withSignals) return;
  // Without setpriv nothing kills the JVM when a signal kills us; only do this when nobody else
  // (local/main.ts) handles the signal, and then die of it as we would have.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      if (process.listenerCount(sig) > 1) return;
      for (const c of live) c.kill('SIGKILL');
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

export async function startDynamoLocal(opts: DynamoLocalOptions): Promise<DynamoLocal> {
  const java = findJava();
  const emulator = emulatorDir();
  const port = opts.port ?? (await freePort());
  // DynamoDB Local writes dynamodb-local-metadata.json into its cwd: keep it out of the repo.
  const cwd = mkdtempSync(join(tmpdir(), 'ddb-local-'));
  const storage = opts.inMemory ? ['-inMemory'] : ['-sharedDb', '-dbPath', resolve(opts.dbPath ?? '.data/dynamodb')];
  if (!opts.inMemory) mkdirSync(resolve(opts.dbPath ?? '.data/dynamodb'), { recursive: true });
  const javaArgs = [
    `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
    '-jar', join(emulator, 'DynamoDBLocal.jar'),
    '-port', String(port), '-disableTelemetry', ...storage,
  ];
  const setpriv = hasSetpriv();
  const [cmd, args] = setpriv ? ['setpriv', ['--pdeathsig', 'KILL', '--', java, ...javaArgs]] : [java, javaArgs];
  const started = Date.now();
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  installExitHook(!setpriv);
  let output = '';
  const keep = (b: Buffer): void => { if (output.length < 8_000) output += b.toString(); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => { live.delete(child); res(code); }));
  let hasExited = false;
  void exited.then(() => { hasExited = true; });

  const stop = async (): Promise<void> => {
    if (!hasExited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const deadline = started + (opts.readyTimeoutMs ?? 30_000);
  try {
    for (;;) {
      if (hasExited) throw new Error(`DynamoDB Local exited during start-up:\n${output.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local not ready after ${opts.readyTimeoutMs ?? 30_000} ms:\n${output.trim()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    client.destroy();
  }
  child.stdout?.removeListener('data', keep);
  child.stderr?.removeListener('data', keep);
  child.stdout?.resume();
  child.stderr?.resume();
  return { endpoint, port, pid: child.pid, startupMs: Date.now() - started, stop };
}
