/**
 * The card sandbox acquirers for the local runtime, as `registerSandbox` definitions
 * (registry.ts). `card-acquirers/index.ts` registers them when the runtime discovers it. Each
 * `start()` returns the environment the composition root reads (functions/config.ts) and a
 * `stop()`. Run-time controls live at `<STRIPE_API_BASE>/__sandbox/control` and
 * `<ADYEN_CHECKOUT_BASE>/__sandbox/control`. Both servers share one `sharedCardBehaviour`, so
 * API.md's "processor error at the first processor tried" holds across them.
 */
import { startAdyenSandbox } from './adyen-server.js';
import type { SandboxDef } from './registry.js';
import { startStripeSandbox } from './stripe-server.js';

export const cardSandboxes: readonly SandboxDef[] = [
  {
    name: 'stripe',
    async start(ctx) {
      const s = await startStripeSandbox();
      ctx.log(`stripe sandbox on ${s.baseUrl}`);
      return { env: s.env, stop: () => s.stop() };
    },
  },
  {
    name: 'adyen',
    async start(ctx) {
      const s = await startAdyenSandbox();
      ctx.log(`adyen sandbox on ${s.baseUrl}`);
      // Its notifications (refunds, captures, cancels) go to the API once it listens.
      return { env: s.env, stop: () => s.stop(), ready: async ({ url }) => s.setWebhookUrl(url) };
    },
  },
];
