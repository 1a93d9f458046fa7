/**
 * Builds an HTTP API Lambda handler from a route table. Cross-cutting work lives here, not in the
 * handlers (Middy's habit): request id, body limits and JSON parsing, authentication against the
 * route contract, idempotency for money-moving routes, and the one error mapping to problem+json.
 */
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithLambdaAuthorizer, Context } from 'aws-lambda';
import { ROUTES, routeKey, type RouteDef } from '../../contracts/routes.js';
import { AppError } from '../../core/errors.js';
import { log } from '../log.js';
import { principalFromContext, type AuthorizerContext, type Principal } from './principal.js';
import { internalError, problem, type HttpResult } from './respond.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export type ApiEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext>;

export interface RouteRequest {
  readonly route: RouteDef;
  readonly principal: Principal | undefined;
  readonly requestId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body (`undefined` when there is none). */
  readonly body: unknown;
  /** The raw body text, for signature checks. */
  readonly rawBody: string;
  readonly event: ApiEvent;
}

export type RouteHandler = (req: RouteRequest) => Promise<HttpResult>;
export type Wrapper = (req: RouteRequest, next: () => Promise<HttpResult>) => Promise<HttpResult>;

const routesByKey = new Map<string, RouteDef>(ROUTES.map((r) => [routeKey(r), r]));

function decodeBody(event: ApiEvent): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseJsonBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json');
  }
  try {
    return JSON.parse(raw);
  } catch {
    // Middy's json parser answers 415 here; a malformed body is the client's mistake (API.md): 400.
    throw new AppError('invalid_request', 'Malformed JSON body');
  }
}

function authorize(route: RouteDef, principal: Principal | undefined): void {
  if (route.auth === 'public') return;
  if (!principal) throw new AppError('authentication_required', 'Provide a valid API key as `Authorization: Bearer <key>`');
  const ok =
    route.auth === 'admin' ? principal.kind === 'admin'
    : route.auth === 'merchant' ? principal.kind === 'merchant'
    : principal.kind === 'merchant' || principal.kind === 'agent';
  if (!ok) throw new AppError('forbidden', `This key cannot call ${route.method} ${route.path}`);
}

/** The merchant the caller acts for (merchant or agent key); the route contract already required a key. */
export function actingMerchant(req: RouteRequest): string {
  const p = req.principal;
  if (!p) throw new AppError('authentication_required', 'Provide a valid API key');
  if (p.kind === 'admin') throw new AppError('forbidden', 'The admin key does not act for a merchant');
  return p.merchantId;
}

/**
 * `handlers` maps routeKeys (`"POST /v1/payments"`) of this function to their handlers; every key
 * must exist in the route contract, so a handler cannot serve a route CDK does not deploy.
 */
export function httpApi(handlers: Record<string, RouteHandler>, wrappers: readonly Wrapper[] = []) {
  for (const key of Object.keys(handlers)) if (!routesByKey.has(key)) throw new Error(`route ${key} is not in contracts/routes.ts`);

  const core = async (event: ApiEvent, _context: Context): Promise<HttpResult> => {
    const requestId = event.requestContext?.requestId ?? 'req_unknown';
    const started = Date.now();
    let result: HttpResult;
    try {
      const route = routesByKey.get(event.routeKey);
      const handler = handlers[event.routeKey];
      if (!route || !handler) throw new AppError('not_found', `No route for ${event.requestContext?.http?.method ?? ''} ${event.rawPath ?? ''}`);
      const rawBody = decodeBody(event);
      if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'The body exceeds 1 MB');
      const principal = principalFromContext(event.requestContext.authorizer?.lambda);
      authorize(route, principal);
      const headers = (event.headers ?? {}) as Record<string, string>;
      const body = parseJsonBody(rawBody, headers['content-type']);
      const req: RouteRequest = {
        route, principal, requestId, headers, body, rawBody, event,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
      };
      const run = wrappers.reduceRight<() => Promise<HttpResult>>((next, w) => () => w(req, next), () => handler(req));
      result = await run();
    } catch (caught) {
      // A conditional write lost to a concurrent change (e.g. capture racing cancel): the client
      // may retry and will see the new state — a 409, not a server error.
      const err = caught instanceof Error && caught.name === 'ConcurrentUpdateError' ? new AppError('invalid_state', 'The object changed concurrently; retry to see its current state') : caught;
      if (err instanceof AppError && err.status < 500) {
        result = problem(err, requestId);
      } else if (err instanceof AppError) {
        log.error('request failed', { requestId, code: err.code, error: err.message });
        result = problem(err, requestId);
      } else {
        log.error('unhandled error', { requestId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
        result = internalError(requestId);
      }
    }
    result.headers['request-id'] = requestId;
    log.debug('request', { requestId, route: event.routeKey, status: result.statusCode, ms: Date.now() - started });
    return result;
  };

  return middy(core).use(httpHeaderNormalizer());
}
