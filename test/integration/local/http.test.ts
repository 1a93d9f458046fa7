import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionDef } from '../../../functions/contracts/functions.js';
import { startLocalHttp, type LocalHttp } from '../../../local/http/index.js';
import { loadFunctions } from '../../../local/lambda/function-host.js';
import { REPO_ROOT } from '../../../local/runtime.js';
import type { ApiEventV2 } from '../../../local/http/api-event.js';

const fake = (id: string): FunctionDef => ({ id, entry: 'test/support/fake-function.ts', kind: 'api', description: 'fake', timeoutSeconds: 7, memoryMb: 128, access: { tables: {} } });

describe('HTTP adapter (API Gateway HTTP API, payload 2.0)', () => {
  let http: LocalHttp;
  const logs: string[] = [];
  beforeAll(async () => {
    const functions = await loadFunctions([fake('FakeAuthorizer'), fake('FakeApi')], { rootDir: REPO_ROOT });
    http = await startLocalHttp({
      functions, authorizerId: 'FakeAuthorizer', port: 0, log: (l) => logs.push(l),
      routes: [
        { method: 'POST', path: '/v1/payments/{id}/capture', functionId: 'FakeApi', auth: 'merchant' },
        { method: 'GET', path: '/v1/payments/{id}', functionId: 'FakeApi', auth: 'merchant' },
        { method: 'GET', path: '/v1/payments/search', functionId: 'FakeApi', auth: 'merchant' },
        { method: 'GET', path: '/open', functionId: 'FakeApi', auth: 'public' },
        { method: 'GET', path: '/open/throw', functionId: 'FakeApi', auth: 'public' },
        { method: 'GET', path: '/open/plain', functionId: 'FakeApi', auth: 'public' },
        { method: 'GET', path: '/open/binary', functionId: 'FakeApi', auth: 'public' },
        { method: 'GET', path: '/open/cookies', functionId: 'FakeApi', auth: 'public' },
        { method: 'POST', path: '/open', functionId: 'FakeApi', auth: 'public' },
      ],
    });
  });
  afterAll(() => http.stop());

  const echo = async (res: Response): Promise<{ event: ApiEventV2; context: { awsRequestId: string; functionName: string; remaining: number } }> => {
    expect(res.status).toBe(200);
    return (await res.json()) as never;
  };

  it('builds the v2 event: routeKey, raw path and query, lower-cased comma-joined headers, cookies, path parameters, authorizer context', async () => {
    // node:http sends an array value as repeated header lines, as a proxy might.
    const res = await rawRequest(`${http.url}/v1/payments/pay_123/capture?expand=a&expand=b&x=1`, 'POST',
      { Authorization: 'Bearer sk_test_x', 'X-Multi': ['a', 'b'], 'Content-Type': 'application/json', Cookie: 'c1=v1; c2=v2' }, '{"amount":5}');
    const { event, context } = await echo(res);
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('POST /v1/payments/{id}/capture');
    expect(event.rawPath).toBe('/v1/payments/pay_123/capture');
    expect(event.rawQueryString).toBe('expand=a&expand=b&x=1');
    expect(event.queryStringParameters).toEqual({ expand: 'a,b', x: '1' });
    expect(event.pathParameters).toEqual({ id: 'pay_123' });
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers.authorization).toBe('Bearer sk_test_x');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['c1=v1', 'c2=v2']);
    expect(event.body).toBe('{"amount":5}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext).toMatchObject({
      routeKey: 'POST /v1/payments/{id}/capture', stage: '$default',
      http: { method: 'POST', path: '/v1/payments/pay_123/capture', sourceIp: '127.0.0.1' },
      authorizer: { lambda: { principal: 'fake', authenticated: true } },
    });
    expect(typeof event.requestContext.timeEpoch).toBe('number');
    expect(event.requestContext.requestId).toBe(res.headers.get('request-id'));
    expect(context.awsRequestId).toBe(event.requestContext.requestId);
    expect(context.functionName).toBe('FakeApi');
    expect(context.remaining).toBeGreaterThan(6_000);
    expect(context.remaining).toBeLessThanOrEqual(7_000);
  });

  it('prefers a literal route over a parameterised one, and omits absent query and path parameters', async () => {
    const { event } = await echo(await fetch(`${http.url}/v1/payments/search`, { headers: { authorization: 'x' } }));
    expect(event.routeKey).toBe('GET /v1/payments/search');
    expect(event.pathParameters).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.body).toBeUndefined();
  });

  it('base64-encodes a non-text request body and decodes a base64 response', async () => {
    const { event } = await echo(await fetch(`${http.url}/open`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) }));
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(Buffer.from([1, 2, 3]));
    const bin = await fetch(`${http.url}/open/binary`);
    expect(Buffer.from(await bin.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('writes cookies as Set-Cookie headers and a plain object result as 200 JSON', async () => {
    const c = await fetch(`${http.url}/open/cookies`);
    expect(c.status).toBe(204);
    expect(c.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const p = await fetch(`${http.url}/open/plain`);
    expect(p.status).toBe(200);
    expect(p.headers.get('content-type')).toBe('application/json');
    expect(await p.json()).toEqual({ hello: 'world' });
  });

  it('caches the authorizer result per Authorization header for the TTL (API Gateway resultsCacheTtl); no header, no cache', async () => {
    const calls: string[] = [];
    const functions = await loadFunctions([fake('FakeAuthorizer'), fake('FakeApi')], { rootDir: REPO_ROOT });
    const counting = { ...functions, has: functions.has.bind(functions), def: functions.def.bind(functions), invoke: (id: string, e: unknown, r?: string) => { calls.push(id); return functions.invoke(id, e, r); } };
    const cached = await startLocalHttp({ functions: counting, authorizerId: 'FakeAuthorizer', authorizerCacheTtlMs: 300, routes: [{ method: 'GET', path: '/v1/payments/{id}', functionId: 'FakeApi', auth: 'merchant' }] });
    try {
      const get = (headers: Record<string, string>) => fetch(`${cached.url}/v1/payments/pay_1`, { headers });
      const a = await echo(await get({ authorization: 'Bearer k1' }));
      const b = await echo(await get({ authorization: 'Bearer k1' }));
      expect(b.event.requestContext.authorizer).toEqual(a.event.requestContext.authorizer);
      await echo(await get({ authorization: 'Bearer k2' }));
      expect(calls.filter((c) => c === 'FakeAuthorizer')).toHaveLength(2);
      await echo(await get({}));
      await echo(await get({}));
      expect(calls.filter((c) => c === 'FakeAuthorizer')).toHaveLength(4);
      await new Promise((r) => setTimeout(r, 350));
      await echo(await get({ authorization: 'Bearer k1' }));
      expect(calls.filter((c) => c === 'FakeAuthorizer')).toHaveLength(5);
      expect(calls.filter((c) => c === 'FakeApi')).toHaveLength(6);
    } finally {
      await cached.stop();
    }
  });

  it('answers 403 {"message":"Forbidden"} when the authorizer does not authorize, like API Gateway', async () => {
    const res = await fetch(`${http.url}/v1/payments/pay_1`, { headers: { 'x-deny': '1' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: 'Forbidden' });
    expect(res.headers.get('request-id')).toBeTruthy();
  });

  it('answers an unknown route (or method) with 404 problem+json not_found and a Request-Id', async () => {
    for (const [method, path] of [['GET', '/nope'], ['DELETE', '/open']] as const) {
      const res = await fetch(`${http.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ type: 'https://docs.smart-agent-pay.dev/errors/not_found', status: 404, code: 'not_found' });
      expect(body.request_id).toBe(res.headers.get('request-id'));
    }
  });

  it('answers a body over 1 MB with 413 payload_too_large', async () => {
    const res = await fetch(`${http.url}/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('answers a throwing handler with 500 internal_error and no error details or stack', async () => {
    const res = await fetch(`${http.url}/open/throw`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'internal_error', status: 500 });
    expect(text).not.toMatch(/boom|KaboomError|secret|\.ts:/);
    expect(logs.some((l) => l.includes('KaboomError'))).toBe(true);
  });
});

function rawRequest(url: string, method: string, headers: Record<string, string | string[]>, body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: h }));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
