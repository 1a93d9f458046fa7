/**
 * `npm start`: the embedded local runtime on 127.0.0.1:$PORT (default 3000), data under `.data/`.
 * Flags: `--in-memory` (nothing kept), `--port <n>`, `--data-dir <dir>`.
 */
import './polyfills.js';
// The project runs on Node 20 by decision (STACK.md); the SDK's reminder would bury the banner.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createDemoMerchant } from './demo-merchant.js';
import { JavaMissingError } from './dynamodb/index.js';
import { sha256Hex } from './env.js';
import { readLocalKeys, writeLocalKeys } from './local-keys.js';
import { startRuntime, type Runtime } from './runtime.js';

async function main(): Promise<number> {
  const t0 = performance.now();
  const { values } = parseArgs({
    options: { 'in-memory': { type: 'boolean', default: false }, port: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const inMemory = values['in-memory'] ?? false;
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) { process.stderr.write(`invalid --port ${values.port}\n`); return 2; }
  // In-memory runs keep their key file and logs in a throw-away directory.
  const dataDir = inMemory ? mkdtempSync(join(tmpdir(), 'agentpay-')) : resolve(values['data-dir'] ?? '.data');
  const keysFile = join(dataDir, 'local-keys.json');
  const saved = inMemory ? {} : readLocalKeys(keysFile);
  const adminKey = process.env.AGENTPAY_ADMIN_KEY ?? saved.adminKey ?? `agentpay_admin_${randomBytes(24).toString('hex')}`;

  let runtime: Runtime;
  try {
    runtime = await startRuntime({ port, dataDir, inMemory, adminKey });
  } catch (err) {
    if (err instanceof JavaMissingError) { process.stderr.write(`\n${err.message}\n`); return 1; }
    throw err;
  }

  // Where the CLI (`agentpay audit verify`, `agentpay reconcile`) finds this runtime's tables.
  const runtimeFile = resolve('.data', 'runtime.json');
  mkdirSync(dirname(runtimeFile), { recursive: true });
  const tables = Object.fromEntries(Object.entries(runtime.tableNames).map(([id, name]) => [id.toLowerCase(), name]));
  // The sandboxes' endpoints and fake credentials (never real ones) for `agentpay reconcile`.
  const sandboxEnv = Object.fromEntries(Object.entries(runtime.env).filter(([k]) => /^(STRIPE_API_(KEY|BASE)|ADYEN_CHECKOUT_BASE)$/.test(k)));
  writeFileSync(runtimeFile, `${JSON.stringify({ url: runtime.url, dynamodbEndpoint: runtime.dynamoEndpoint, tables, sandboxEnv, pid: process.pid }, null, 2)}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) process.exit(130); // a second Ctrl+C: don't wait (the JVM dies with us anyway)
    stopping = true;
    process.stderr.write(`\n${signal}: stopping…\n`);
    void runtime.stop().then(() => {
      rmSync(runtimeFile, { force: true });
      if (inMemory) rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  // The demo merchant: reuse the saved one if it was made under the same admin key.
  let demo = saved.demoMerchant?.adminKeyHash === sha256Hex(adminKey) ? saved.demoMerchant : undefined;
  let demoLine = 'unavailable';
  if (!demo) {
    try {
      demo = { ...(await createDemoMerchant(runtime.url, adminKey)), adminKeyHash: sha256Hex(adminKey) };
    } catch (err) {
      demoLine = `unavailable (${(err as Error).message})`;
    }
  }
  if (demo) demoLine = `${demo.secret_key}   (${demo.id})`;
  if (!inMemory) writeLocalKeys(keysFile, { ...(process.env.AGENTPAY_ADMIN_KEY ? {} : { adminKey }), ...(demo && { demoMerchant: demo }) });

  const elapsed = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write([
    '',
    `  Smart-Agent-Pay local runtime — ready in ${elapsed} s`,
    `  API            ${runtime.url}`,
    `  admin key      ${adminKey}${process.env.AGENTPAY_ADMIN_KEY ? '   (from AGENTPAY_ADMIN_KEY)' : ''}`,
    `  demo merchant  ${demoLine}`,
    `  data           ${inMemory ? 'in memory (nothing kept)' : runtime.dataDir}`,
    '',
    `  try: curl -s ${runtime.url}/health`,
    '  Ctrl+C to stop',
    '',
  ].join('\n'));
  return -1; // keep running
}

main().then(
  (code) => { if (code >= 0) process.exit(code); },
  (err: unknown) => {
    process.stderr.write(`local runtime failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
