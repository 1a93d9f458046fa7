/**
 * Registers the Pix sandbox PSP with the local runtime (discover.ts imports this file). Once the
 * HTTP API listens, the sandbox's webhook for our receiver key is pointed at `<api>/webhooks`
 * through the API Pix itself (`PUT /webhook/{chave}`, as an operator would at a real PSP); the PSP
 * appends `/pix`, so callbacks reach `POST /webhooks/pix`.
 */
import { PixApiPsp } from '../../../functions/adapters/pix-api/index.js';
import { pixSandbox } from '../pix.js';
import { registerSandbox } from '../registry.js';

registerSandbox({
  name: pixSandbox.name,
  async start(ctx) {
    const started = await pixSandbox.start(ctx);
    const env = started.env;
    return {
      ...started,
      async ready({ url }) {
        const psp = new PixApiPsp({ baseUrl: env['PIX_API_BASE']!, clientId: env['PIX_CLIENT_ID']!, clientSecret: env['PIX_CLIENT_SECRET']! });
        await psp.configureWebhook(env['PIX_RECEIVER_KEY']!, `${url}/webhooks`);
      },
    };
  },
});
