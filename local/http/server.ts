/**
 * The local API Gateway (HTTP API, payload 2.0): each request becomes a v2 event for the route's
 * function (ROUTES), after the REQUEST authorizer for non-public routes. Answers that API Gateway
 * itself gives — unknown route, body too large, a function that crashed — use our problem+json
 * shape. Function modules are loaded once at start (FunctionHost); nothing is imported per request.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionHost } from '../lambda/function-host.js';
import { apiEventV2, authorizerEventV2, type ApiEventV2 } from './api-event.js';
import { sendProblem } from './problem.js';
import { compileRoutes } from './router.js';

export interface HttpRoute {
  readonly method: string;
  readonly path: string;
  readonly functionId: string;
  readonly auth: string;
}

export interface LocalHttpOptions {
  readonly routes: readonly HttpRoute[];
  readonly functions: FunctionHost;
  readonly port?: number;
  readonly host?: string;
  /** Function id of the REQUEST authorizer run before every non-`public` route. */
  readonly authorizerId?: string;
  /**
   * How long an authorizer result is reused for the same `Authorization` header (the identity
   * source), as API Gateway's authorizer cache does: `resultsCacheTtl` in lib/constructs/http-api.ts
   * (10 s). Requests without the header always reach the authorizer. 0 turns the cache off.
   */
  readonly authorizerCacheTtlMs?: number;
  /** API Gateway's payload limit is 10 MB; our API allows 1 MB. */
  readonly maxBodyBytes?: number;
  readonly log?: (line: string) => void;
}

export interface LocalHttp {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

type AuthorizerDecision = { isAuthorized?: boolean; context?: unknown } | undefined;
/** lib/constructs/http-api.ts: `resultsCacheTtl: Duration.seconds(10)`. */
const AUTHORIZER_CACHE_TTL_MS = 10_000;
/** Distinct identities remembered at once (oldest dropped first). */
const AUTHORIZER_CACHE_MAX = 10_000;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        // Stop buffering at once; the rest of the upload is discarded as it arrives.
        req.removeListener('data', onData);
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

function writeResult(res: ServerResponse, result: unknown, requestId: string): void {
  const structured = result !== null && typeof result === 'object' && 'statusCode' in result;
  if (!structured) {
    // Payload 2.0 without statusCode: 200, the result serialized as JSON (API Gateway's default).
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'request-id': requestId, 'apigw-requestid': requestId });
    res.end(body);
    return;
  }
  const r = result as StructuredResult;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
  for (const [k, v] of Object.entries(r.multiValueHeaders ?? {})) headers[k.toLowerCase()] = v.map(String).join(',');
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  headers['request-id'] ??= requestId;
  headers['apigw-requestid'] = requestId;
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > 0 && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  headers['content-length'] = String(body.length);
  res.writeHead(r.statusCode, headers);
  res.end(body);
}

export async function startLocalHttp(opts: LocalHttpOptions): Promise<LocalHttp> {
  const route = compileRoutes(opts.routes);
  const limit = opts.maxBodyBytes ?? 1024 * 1024;
  const authorizerId = opts.authorizerId ?? 'Authorizer';
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cacheTtl = opts.authorizerCacheTtlMs ?? AUTHORIZER_CACHE_TTL_MS;
  const decisions = new Map<string, { decision: AuthorizerDecision; until: number }>();

  const authorizeRequest = async (event: ApiEventV2): Promise<AuthorizerDecision> => {
    const identity = event.headers.authorization;
    const now = Date.now();
    if (identity !== undefined && cacheTtl > 0) {
      const hit = decisions.get(identity);
      if (hit && hit.until > now) return hit.decision;
      if (hit) decisions.delete(identity);
    }
    const decision = (await opts.functions.invoke(authorizerId, authorizerEventV2(event))) as AuthorizerDecision;
    if (identity !== undefined && cacheTtl > 0) {
      if (decisions.size >= AUTHORIZER_CACHE_MAX) decisions.delete(decisions.keys().next().value!);
      decisions.set(identity, { decision, until: now + cacheTtl });
    }
    return decision;
  };

  const tooLarge = (res: ServerResponse, requestId: string): void =>
    sendProblem(res, 413, 'payload_too_large', `The request body exceeds ${limit} bytes.`, requestId, { connection: 'close' });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQueryString = q < 0 ? '' : url.slice(q + 1);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) { req.resume(); tooLarge(res, requestId); return; }

    const match = route(req.method ?? 'GET', rawPath);
    let body: Buffer;
    try {
      body = await readBody(req, limit);
    } catch (err) {
      if (err instanceof BodyTooLarge) { tooLarge(res, requestId); return; }
      throw err;
    }
    if (!match) {
      sendProblem(res, 404, 'not_found', `No route for ${req.method} ${rawPath}.`, requestId);
      return;
    }
    const event = apiEventV2({ req, rawPath, rawQueryString, body, requestId, routeKey: match.routeKey, pathParameters: match.pathParameters });
    try {
      if (match.route.auth !== 'public') {
        const decision = await authorizeRequest(event);
        if (decision?.isAuthorized !== true) {
          const text = '{"message":"Forbidden"}';
          res.writeHead(403, { 'content-type': 'application/json', 'content-length': text.length, 'request-id': requestId, 'apigw-requestid': requestId });
          res.end(text);
          return;
        }
        // A copy per request, as Lambda deserializes one: a cached result is shared.
        event.requestContext.authorizer = { lambda: structuredClone(decision.context ?? {}) };
      }
      writeResult(res, await opts.functions.invoke(match.route.functionId, event, requestId), requestId);
    } catch (err) {
      // A crashed function: API Gateway answers 500 and the client never sees the error or its stack.
      log(`${match.routeKey} (${requestId}) failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      if (!res.headersSent) sendProblem(res, 500, 'internal_error', 'An internal error occurred.', requestId);
      else res.destroy();
    }
  };

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`http adapter error: ${(err as Error).message}`);
      if (!res.headersSent) sendProblem(res, 500, 'internal_error', 'An internal error occurred.', randomUUID());
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept backlog: bursts of a thousand simultaneous clients (the idempotency storm test)
    // would overflow Node's default 511 and see connection resets instead of answers.
    server.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1', backlog: 4096 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
