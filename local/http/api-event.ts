/**
 * An HTTP request as API Gateway HTTP API (payload format 2.0) hands it to Lambda, and the REQUEST
 * authorizer event (APIGatewayRequestAuthorizerEventV2) built from the same request.
 */
import type { IncomingMessage } from 'node:http';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../lambda/arns.js';

export const LOCAL_API_ID = 'local';

export interface ApiEventV2 {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  pathParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    authorizer?: { lambda: unknown };
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: string;
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

/** Content types API Gateway passes as text; anything else arrives base64-encoded. */
const TEXT_TYPE = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql|yaml|x-yaml)\b)/i;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');
/** `12/Mar/2020:19:03:58 +0000`, API Gateway's requestContext.time format. */
function clfTime(d: Date): string {
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Lower-cased names; repeated headers joined with commas (as API Gateway does); cookies apart. */
function collectHeaders(raw: string[]): { headers: Record<string, string>; cookies: string[] | undefined } {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (name === 'cookie') {
      (cookies ??= []).push(...value.split(/;\s*/).filter(Boolean));
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

function queryParameters(raw: string): Record<string, string> | undefined {
  if (!raw) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = k in out ? `${out[k]},${v}` : v;
  return out;
}

export interface RequestFacts {
  readonly req: IncomingMessage;
  readonly rawPath: string;
  readonly rawQueryString: string;
  readonly body: Buffer;
  readonly requestId: string;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string> | undefined;
}

export function apiEventV2(f: RequestFacts): ApiEventV2 {
  const { headers, cookies } = collectHeaders(f.req.rawHeaders);
  const now = Date.now();
  const host = headers.host ?? '127.0.0.1';
  const contentType = headers['content-type'] ?? '';
  const hasBody = f.body.length > 0;
  const binary = hasBody && contentType !== '' && !TEXT_TYPE.test(contentType);
  const event: ApiEventV2 = {
    version: '2.0',
    routeKey: f.routeKey,
    rawPath: f.rawPath,
    rawQueryString: f.rawQueryString,
    ...(cookies && { cookies }),
    headers,
    ...(f.rawQueryString && { queryStringParameters: queryParameters(f.rawQueryString) }),
    ...(f.pathParameters && { pathParameters: f.pathParameters }),
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: LOCAL_API_ID,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: f.req.method ?? 'GET',
        path: f.rawPath,
        protocol: `HTTP/${f.req.httpVersion}`,
        sourceIp: (f.req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: f.requestId,
      routeKey: f.routeKey,
      stage: '$default',
      time: clfTime(new Date(now)),
      timeEpoch: now,
    },
    ...(hasBody && { body: binary ? f.body.toString('base64') : f.body.toString('utf8') }),
    isBase64Encoded: binary,
  };
  return event;
}

/** The REQUEST authorizer's event (payload 2.0), identity source `$request.header.Authorization`. */
export function authorizerEventV2(e: ApiEventV2): Record<string, unknown> {
  const method = e.requestContext.http.method;
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${LOCAL_API_ID}/$default/${method}${e.rawPath}`,
    identitySource: e.headers.authorization !== undefined ? [e.headers.authorization] : [],
    routeKey: e.routeKey,
    rawPath: e.rawPath,
    rawQueryString: e.rawQueryString,
    ...(e.cookies && { cookies: e.cookies }),
    headers: e.headers,
    ...(e.queryStringParameters && { queryStringParameters: e.queryStringParameters }),
    ...(e.pathParameters && { pathParameters: e.pathParameters }),
    requestContext: e.requestContext,
  };
}
