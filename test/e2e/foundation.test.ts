/**
 * The local runtime end to end over HTTP: the API Gateway answers (404, 413, 500), the real
 * handlers behind it, and the whole API → outbox → stream → bus → consumer path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionDef } from '../../functions/contracts/functions.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';

// A route whose function throws, to see what a crashing handler looks like from outside.
const crashing: FunctionDef = { id: 'E2eCrash', entry: 'test/support/fake-function.ts', kind: 'api', description: 'throws', timeoutSeconds: 5, memoryMb: 128, access: { tables: {} } };

describe('local runtime foundation (e2e)', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime({ extraFunctions: [crashing], extraRoutes: [{ method: 'GET', path: '/e2e/throw', functionId: 'E2eCrash', auth: 'public' }] });
  });
  afterAll(() => rt?.stop());

  it('GET /health answers 200 {"status":"ok"} with a Request-Id', async () => {
    const res = await fetch(`${rt.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('request-id')).toBeTruthy();
  });

  it('an unknown route answers 404 application/problem+json with code not_found', async () => {
    const res = await fetch(`${rt.url}/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'not_found', status: 404, type: 'https://docs.smart-agent-pay.dev/errors/not_found' });
  });

  it('a body over 1 MB answers 413 payload_too_large', async () => {
    const res = await fetch(`${rt.url}/v1/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"pad":"${'x'.repeat(1024 * 1024)}"}` });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('a handler that throws answers 500 internal_error without message or stack', async () => {
    const res = await fetch(`${rt.url}/e2e/throw`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'internal_error', status: 500 });
    expect(text).not.toMatch(/boom|at \/|\.ts:\d/);
  });

  it('POST /v1/admin/merchants with the admin key creates a merchant (201 id + secret_key) and GET /v1/events soon lists merchant.created', async () => {
    const created = await fetch(`${rt.url}/v1/admin/merchants`, {
      method: 'POST', headers: { authorization: `Bearer ${rt.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'E2E shop' }),
    });
    expect(created.status).toBe(201);
    const merchant = (await created.json()) as { id: string; secret_key: string };
    expect(merchant.id).toMatch(/^mer_/);
    expect(merchant.secret_key).toMatch(/^sk_test_/);

    // API → outbox item → DynamoDB stream → OutboxPublisher → local bus → EventLog → GET /v1/events.
    const event = await eventually(async () => {
      const res = await fetch(`${rt.url}/v1/events`, { headers: { authorization: `Bearer ${merchant.secret_key}` } });
      const body = (await res.json()) as { data?: Array<{ type: string; data: { object: { id: string } } }> };
      return body.data?.find((e) => e.type === 'merchant.created');
    }, 3_000);
    expect(event.data.object.id).toBe(merchant.id);
  });

  it('GET /v1/events without a key answers 401 problem+json from the handler, not the gateway', async () => {
    const res = await fetch(`${rt.url}/v1/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
