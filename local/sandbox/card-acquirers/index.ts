/** Discovered by the local runtime (discover.ts): registers the Stripe- and Adyen-compatible sandboxes. */
import { cardSandboxes } from '../cards.js';
import { registerSandbox } from '../registry.js';

for (const sandbox of cardSandboxes) registerSandbox(sandbox);
