/**
 * OAuth2 client credentials for the sandbox PSP (RFC 6749 §4.4; API Pix `securitySchemes.OAuth2`).
 * `POST /oauth/token` with HTTP Basic (or form) client authentication issues bearer tokens with
 * `expires_in`; API calls with a missing, unknown or expired token get 401, and a token without
 * the endpoint's scope gets 403 `AcessoNegado`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SandboxProblem, type Answer } from './pix-psp-http.js';
import { newToken, type SandboxState } from './pix-psp-state.js';

export const SUPPORTED_SCOPES = [
  'cob.write', 'cob.read', 'cobv.write', 'cobv.read', 'pix.write', 'pix.read',
  'webhook.write', 'webhook.read', 'rec.write', 'rec.read', 'cobr.write', 'cobr.read',
] as const;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Answer {
  return { status, body: { error, error_description: description }, headers: { 'cache-control': 'no-store', ...headers } };
}

export function tokenEndpoint(s: SandboxState, req: IncomingMessage, rawBody: string): Answer {
  s.stats.tokenRequests++;
  const form = new URLSearchParams(rawBody);
  let id = form.get('client_id') ?? '';
  let secret = form.get('client_secret') ?? '';
  const auth = req.headers.authorization ?? '';
  if (auth.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    // RFC 6749 §2.3.1: both parts are form-urlencoded before the Basic encoding.
    id = decodeURIComponent(decoded.slice(0, Math.max(0, i)));
    secret = decodeURIComponent(decoded.slice(i + 1));
  }
  if (!same(id, s.opts.clientId) || !same(secret, s.opts.clientSecret)) {
    return oauthError(401, 'invalid_client', 'client authentication failed', { 'www-authenticate': 'Basic realm="pix-sandbox"' });
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'only client_credentials is supported');
  }
  const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const unknown = requested.filter((r) => !(SUPPORTED_SCOPES as readonly string[]).includes(r));
  if (unknown.length > 0) return oauthError(400, 'invalid_scope', `unknown scope: ${unknown.join(' ')}`);
  const scopes = requested.length > 0 ? requested : [...SUPPORTED_SCOPES];
  const token = newToken();
  s.tokens.set(token, { expiresAt: s.now().getTime() + s.opts.tokenTtlSeconds * 1000, scopes: new Set(scopes) });
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: { access_token: token, token_type: 'Bearer', expires_in: s.opts.tokenTtlSeconds, scope: scopes.join(' ') },
  };
}

/** Checks the bearer token and its scope; throws the 401/403 problem otherwise. */
export function authorize(s: SandboxState, req: IncomingMessage, scope: string): void {
  const auth = req.headers.authorization ?? '';
  const token = auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '';
  const t = s.tokens.get(token);
  if (!t || t.expiresAt <= s.now().getTime()) {
    if (t) s.tokens.delete(token);
    s.stats.unauthorized++;
    throw new SandboxProblem(401, 'about:blank', 'Não autorizado', token ? 'Token inválido ou expirado.' : 'Token de acesso ausente.', [], {
      'www-authenticate': `Bearer realm="pix-sandbox", error="${token ? 'invalid_token' : 'invalid_request'}"`,
    });
  }
  if (!t.scopes.has(scope)) {
    throw new SandboxProblem(403, 'AcessoNegado', 'Acesso Negado', `O token não tem o escopo ${scope}.`);
  }
}
