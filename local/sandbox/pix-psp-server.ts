/**
 * Pix sandbox PSP: a `node:http` server on 127.0.0.1 that implements the API Pix 2.9.0 subset
 * the `pix-api` connector uses (OAuth2 client credentials, cob, cobv, pix, devolução, webhook,
 * rec, cobr), the dynamic-QR payload locations as signed JWS, a JWKS, and `/__sandbox/*`
 * controls that act as the payer. Plain HTTP on loopback only: a real PSP is https with mTLS.
 *
 *   const psp = await start();  // psp.env → PIX_API_BASE, PIX_CLIENT_ID, PIX_CLIENT_SECRET, PIX_RECEIVER_KEY
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorize, tokenEndpoint } from './pix-psp-auth.js';
import { getCob, getCobv, getPayload, patchCob, postCob, putCob, putCobv } from './pix-psp-cob.js';
import { approve, backdate, expire, pay, revokeTokens, stats, unsolicited } from './pix-psp-controls.js';
import { SandboxProblem, readBody, write, type Answer, type Handler } from './pix-psp-http.js';
import { createJwsSigner } from './pix-psp-jws.js';
import { getDevolucao, getPix, listPix, putDevolucao } from './pix-psp-pix.js';
import { attachPayouts, getEnvio, payoutStats, putEnvio } from './pix-psp-payouts.js';
import { getCobr, getRec, getRecPayload, postCobr, postRec, putCobr } from './pix-psp-rec.js';
import { createState, type PixSandboxOptions, type SandboxState } from './pix-psp-state.js';
import { deleteWebhook, getWebhook, putWebhook } from './pix-psp-webhook.js';

export type { PixSandboxOptions } from './pix-psp-state.js';

interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** OAuth scope required; `null` = public (token endpoint, payload locations, controls). */
  readonly scope: string | null;
  readonly handler: Handler;
}

const ID = '([^/]+)';
const r = (method: string, path: string, scope: string | null, handler: Handler): Route => ({
  method,
  path: new RegExp(`^${path}$`),
  scope,
  handler,
});

const ROUTES: readonly Route[] = [
  r('PUT', `/cob/${ID}`, 'cob.write', putCob),
  r('PATCH', `/cob/${ID}`, 'cob.write', patchCob),
  r('GET', `/cob/${ID}`, 'cob.read', getCob),
  r('POST', '/cob', 'cob.write', postCob),
  r('PUT', `/cobv/${ID}`, 'cobv.write', putCobv),
  r('GET', `/cobv/${ID}`, 'cobv.read', getCobv),
  r('PUT', `/pix/envio/${ID}`, 'pix.write', putEnvio),
  r('GET', `/pix/envio/${ID}`, 'pix.read', getEnvio),
  r('PUT', `/pix/${ID}/devolucao/${ID}`, 'pix.write', putDevolucao),
  r('GET', `/pix/${ID}/devolucao/${ID}`, 'pix.read', getDevolucao),
  r('GET', `/pix/${ID}`, 'pix.read', getPix),
  r('GET', '/pix', 'pix.read', listPix),
  r('PUT', `/webhook/${ID}`, 'webhook.write', putWebhook),
  r('GET', `/webhook/${ID}`, 'webhook.read', getWebhook),
  r('DELETE', `/webhook/${ID}`, 'webhook.write', deleteWebhook),
  r('POST', '/rec', 'rec.write', postRec),
  r('GET', `/rec/${ID}`, 'rec.read', getRec),
  r('PUT', `/cobr/${ID}`, 'cobr.write', putCobr),
  r('POST', '/cobr', 'cobr.write', postCobr),
  r('GET', `/cobr/${ID}`, 'cobr.read', getCobr),
  r('GET', `/qr/v2/cobv/${ID}`, null, getPayload('cobv')),
  r('GET', `/qr/v2/rec/${ID}`, null, getRecPayload),
  r('GET', `/qr/v2/${ID}`, null, getPayload('cob')),
  r('GET', '/.well-known/jwks.json', null, (c) => ({ status: 200, body: c.s.signer.jwks() })),
  r('POST', '/__sandbox/pay', null, pay),
  r('POST', '/__sandbox/expire', null, expire),
  r('POST', '/__sandbox/backdate', null, backdate),
  r('POST', '/__sandbox/unsolicited', null, unsolicited),
  r('POST', '/__sandbox/rec/approve', null, approve),
  r('POST', '/__sandbox/revoke-tokens', null, revokeTokens),
  r('GET', '/__sandbox/stats', null, stats),
  r('GET', '/__sandbox/payouts', null, payoutStats),
];

async function dispatch(s: SandboxState, req: import('node:http').IncomingMessage): Promise<Answer> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const body = await readBody(req);
  if (req.method === 'POST' && url.pathname === '/oauth/token') return tokenEndpoint(s, req, body);
  let pathMatched = false;
  for (const route of ROUTES) {
    const m = route.path.exec(url.pathname);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== req.method) continue;
    if (route.scope !== null) {
      s.stats.apiRequests++;
      authorize(s, req, route.scope);
    }
    const params = m.slice(1).map((p) => decodeURIComponent(p));
    return route.handler({ s, req, params, query: url.searchParams, body });
  }
  if (pathMatched) throw new SandboxProblem(405, 'about:blank', 'Method Not Allowed');
  throw new SandboxProblem(404, 'NaoEncontrado', 'Não Encontrado', 'Recurso não encontrado.');
}

export interface PixSandbox {
  /** `http://127.0.0.1:<port>`: the API Pix base (no path prefix). */
  readonly baseUrl: string;
  readonly env: {
    readonly PIX_API_BASE: string;
    readonly PIX_CLIENT_ID: string;
    readonly PIX_CLIENT_SECRET: string;
    readonly PIX_RECEIVER_KEY: string;
  };
  /** Live counters (token requests, API requests, 401s, webhook deliveries). */
  stats(): SandboxState['stats'];
  stop(): Promise<void>;
}

export async function start(opts: PixSandboxOptions = {}): Promise<PixSandbox> {
  const s = createState(opts, createJwsSigner());
  attachPayouts(s, opts.payoutsFile);
  const server: Server = createServer((req, res) => {
    dispatch(s, req)
      .then((a) => write(res, a))
      .catch((e: unknown) => {
        if (e instanceof SandboxProblem) return write(res, e.toAnswer());
        write(res, new SandboxProblem(500, 'ServicoIndisponivel', 'Serviço Indisponível', 'Erro interno do sandbox.').toAnswer());
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  s.host = `127.0.0.1:${port}`;
  const baseUrl = `http://${s.host}`;
  return {
    baseUrl,
    env: { PIX_API_BASE: baseUrl, PIX_CLIENT_ID: s.opts.clientId, PIX_CLIENT_SECRET: s.opts.clientSecret, PIX_RECEIVER_KEY: s.receiverKey },
    stats: () => s.stats,
    async stop() {
      for (const t of s.timers) clearTimeout(t);
      s.timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
