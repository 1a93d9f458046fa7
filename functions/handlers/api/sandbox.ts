/** Sandbox controls (API.md "Sandbox"): admin key; 404 in live mode, as if they did not exist. */
import { SandboxControls } from '../../adapters/http/sandbox-controls.js';
import { sandboxPixPayRequest, sandboxProcessorRequest } from '../../contracts/api/pix.js';
import { AppError, notFound } from '../../core/errors.js';
import { httpApi, type RouteHandler } from '../http/api.js';
import { parseWith } from '../http/parse.js';
import { json } from '../http/respond.js';
import { cfg, once } from '../root.js';

const controls = once(() => {
  const c = cfg();
  const cards = Object.fromEntries(Object.entries({ stripe: c.STRIPE_API_BASE, adyen: c.ADYEN_CHECKOUT_BASE }).filter((e): e is [string, string] => e[1] !== undefined));
  return new SandboxControls(cards, c.PIX_API_BASE);
});

const testOnly = (h: RouteHandler): RouteHandler => async (req) => {
  if (cfg().AGENTPAY_ENVIRONMENT === 'live') throw new AppError('not_found', `No route for ${req.route.method} ${req.route.path}`);
  return h(req);
};

/** A sandbox's refusal as our problem+json (its own wording in `detail`). */
function sandboxRefusal(status: number, body: unknown): AppError {
  const b = (body ?? {}) as { detail?: unknown; error?: unknown };
  const detail = String(b.detail ?? b.error ?? `the sandbox answered ${status}`);
  return new AppError(status === 404 ? 'not_found' : status === 409 ? 'invalid_state' : status < 500 ? 'invalid_request' : 'processor_unavailable', detail);
}

export const handler = httpApi({
  'GET /v1/sandbox/processors': testOnly(async () => {
    const data = await Promise.all(controls().processorIds().map(async (id) => ({ id, ...((await controls().getProcessor(id))?.body as object) })));
    return json(200, { object: 'list', data, has_more: false });
  }),
  'POST /v1/sandbox/processors/{id}': testOnly(async (req) => {
    const id = req.params['id'] ?? '';
    const r = await controls().setProcessor(id, parseWith(sandboxProcessorRequest, req.body ?? {}));
    if (!r) throw notFound('sandbox processor');
    if (r.status >= 400) throw sandboxRefusal(r.status, r.body);
    return json(200, { id, ...(r.body as object) });
  }),
  'POST /v1/sandbox/pix/pay': testOnly(async (req) => {
    const r = await controls().payPix(parseWith(sandboxPixPayRequest, req.body ?? {}));
    if (!r) throw new AppError('service_unavailable', 'No Pix sandbox PSP is configured (PIX_API_BASE)');
    if (r.status >= 400) throw sandboxRefusal(r.status, r.body);
    return json(200, r.body);
  }),
});
