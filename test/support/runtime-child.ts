/**
 * The local runtime in a child process, for crash/restart tests: `node --import tsx
 * test/support/runtime-child.ts '<json options>'` prints `READY {"url","pixBase"}` once listening.
 * It persists to `dataDir` (keys, schedules, the sandbox PSP's payout journal) and to the given
 * DynamoDB Local tables, so a second child started with the same options sees the same world.
 * Right after start it fires the `payout-batch-sweep` schedule's target once, standing in for the
 * schedule's first tick (rate(1 minute) is too slow for a test).
 */
import '../../local/polyfills.js';
import { startRuntime } from '../../local/runtime.js';

interface ChildOptions { dynamoEndpoint: string; tablePrefix: string; dataDir: string; adminKey: string }

const o = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const rt = await startRuntime({
  port: 0, inMemory: false, quiet: true, noSchedules: true, retryIntervalScale: 0.01, busRetryBaseMs: 20, streamRetryBaseMs: 20,
  dataDir: o.dataDir, dynamoEndpoint: o.dynamoEndpoint, tablePrefix: o.tablePrefix, adminKey: o.adminKey,
});
const swept = await rt.functions.invoke('PayoutBatchStart', { sweep: true });
process.stdout.write(`READY ${JSON.stringify({ url: rt.url, pixBase: rt.env['PIX_API_BASE'], swept })}\n`);
process.on('SIGTERM', () => { void rt.stop().then(() => process.exit(0)); });
