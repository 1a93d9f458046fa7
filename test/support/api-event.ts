import type { Context } from 'aws-lambda';
import type { ApiEvent } from '../../functions/handlers/http/api.js';

/** A minimal API Gateway HTTP API v2 event, as the local server and API Gateway produce. */
export function apiEvent(opts: { routeKey: string; path?: string; body?: string; headers?: Record<string, string>; auth?: Record<string, string>; pathParameters?: Record<string, string>; query?: Record<string, string> }): ApiEvent {
  const [method = 'GET', routePath = '/'] = opts.routeKey.split(' ');
  return {
    version: '2.0',
    routeKey: opts.routeKey,
    rawPath: opts.path ?? routePath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
    queryStringParameters: opts.query,
    pathParameters: opts.pathParameters,
    body: opts.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000', apiId: 'local', domainName: 'localhost', domainPrefix: 'localhost', routeKey: opts.routeKey, stage: '$default',
      requestId: 'req_test', time: '', timeEpoch: 0,
      http: { method, path: opts.path ?? routePath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      authorizer: { lambda: opts.auth ?? {} },
    },
  } as unknown as ApiEvent;
}

export const lambdaContext = { awsRequestId: 'req_test', functionName: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
