/**
 * The Pix sandbox PSP as a local-runtime sandbox definition (registry.ts). The runtime discovers
 * `local/sandbox/<name>/index.ts` only, so a one-line `local/sandbox/pix/index.ts` doing
 * `import { pixSandbox } from '../pix.js'; registerSandbox(pixSandbox);` wires it in (that path is
 * outside this module's owner's files).
 */
import { join } from 'node:path';
import { start } from './pix-psp-server.js';
import type { SandboxDef } from './registry.js';

export const pixSandbox: SandboxDef = {
  name: 'pix',
  async start(ctx) {
    // Sent Pix (payouts) are journaled under the data dir, so a restarted PSP remembers what it paid.
    const psp = await start(ctx.inMemory ? {} : { payoutsFile: join(ctx.dataDir, 'pix-sandbox-payouts.jsonl') });
    // Never log the client secret or the receiver key: only where the sandbox listens.
    ctx.log(`pix sandbox PSP on ${psp.baseUrl}`);
    return { env: { ...psp.env }, stop: () => psp.stop() };
  },
};

export { start, type PixSandbox, type PixSandboxOptions } from './pix-psp-server.js';
