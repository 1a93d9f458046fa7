import { describe, expect, it } from 'vitest';
import { httpApi } from '../../../functions/handlers/http/api.js';
import { idempotency } from '../../../functions/handlers/http/idempotency.js';
import { json } from '../../../functions/handlers/http/respond.js';
import { MemoryIdempotencyStore } from '../../../functions/adapters/memory/idempotency-store.js';
import { AppError } from '../../../functions/core/errors.js';
import { apiEvent, lambdaContext } from '../../support/api-event.js';

const merchant = { authenticated: 'true', kind: 'merchant', merchant_id: 'mer_1', key_id: 'key_1' };
const admin = { authenticated: 'true', kind: 'admin' };

function build(store = new MemoryIdempotencyStore()) {
  let calls = 0;
  const h = httpApi(
    {
      'GET /health': async () => json(200, { status: 'ok' }),
      'POST /v1/admin/merchants': async (req) => {
        calls++;
        const body = req.body as { name?: string; fail?: string };
        if (body.fail === 'state') throw new AppError('invalid_state', 'nope');
        if (body.fail === 'crash') throw new Error('database exploded at /secret/path');
        return json(201, { id: `mer_${calls}`, name: body.name });
      },
    },
    [idempotency(() => store)],
  );
  return { h, store, calls: () => calls };
}

const call = (h: ReturnType<typeof build>['h'], e: Parameters<ReturnType<typeof build>['h']>[0]) => h(e, lambdaContext);

describe('httpApi', () => {
  it('answers an unknown route with 404 problem+json and a Request-Id', async () => {
    const r = await call(build().h, apiEvent({ routeKey: 'GET /nope' }));
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toBe('application/problem+json');
    expect(r.headers['request-id']).toBe('req_test');
    expect(JSON.parse(r.body as string)).toMatchObject({ code: 'not_found', status: 404, request_id: 'req_test' });
  });

  it('answers malformed JSON with 400 invalid_request, not 415', async () => {
    const r = await call(build().h, apiEvent({ routeKey: 'POST /v1/admin/merchants', body: '{"name":', auth: admin, headers: { 'idempotency-key': 'k1' } }));
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body as string).code).toBe('invalid_request');
  });

  it('answers a body over 1 MB with 413', async () => {
    const r = await call(build().h, apiEvent({ routeKey: 'POST /v1/admin/merchants', body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), auth: admin }));
    expect(r.statusCode).toBe(413);
    expect(JSON.parse(r.body as string).code).toBe('payload_too_large');
  });

  it('answers a missing key with 401 and a key of the wrong kind with 403', async () => {
    const none = await call(build().h, apiEvent({ routeKey: 'POST /v1/admin/merchants', body: '{}', auth: { authenticated: 'false' } }));
    expect(none.statusCode).toBe(401);
    expect(JSON.parse(none.body as string).code).toBe('authentication_required');
    const wrong = await call(build().h, apiEvent({ routeKey: 'POST /v1/admin/merchants', body: '{}', auth: merchant }));
    expect(wrong.statusCode).toBe(403);
  });

  it('never leaks an internal error: 500 problem+json without message or stack', async () => {
    const r = await call(build().h, apiEvent({ routeKey: 'POST /v1/admin/merchants', body: '{"fail":"crash"}', auth: admin, headers: { 'idempotency-key': 'k-crash' } }));
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('secret');
    expect(r.body).not.toContain('at ');
    expect(JSON.parse(r.body as string).code).toBe('internal_error');
  });
});

describe('idempotency wrapper', () => {
  const post = (key: string | undefined, body: unknown) =>
    apiEvent({ routeKey: 'POST /v1/admin/merchants', body: JSON.stringify(body), auth: admin, headers: key === undefined ? {} : { 'idempotency-key': key } });

  it('honours a key on any POST but runs a POST without one when the route does not move money', async () => {
    const b = build();
    await call(b.h, post(undefined, { name: 'a' }));
    await call(b.h, post(undefined, { name: 'a' }));
    expect(b.calls()).toBe(2);
  });

  it('rejects a key with invisible characters or over 255 chars', async () => {
    expect((await call(build().h, post('has space', {}))).statusCode).toBe(400);
    expect((await call(build().h, post('k'.repeat(256), {}))).statusCode).toBe(400);
  });

  it('replays the first response byte for byte with Idempotent-Replayed, running the handler once', async () => {
    const b = build();
    const first = await call(b.h, post('k1', { name: 'a', n: 1 }));
    const again = await call(b.h, post('k1', { n: 1, name: 'a' }));
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(b.calls()).toBe(1);
  });

  it('answers 422 idempotency_conflict for the same key with another body', async () => {
    const b = build();
    await call(b.h, post('k2', { name: 'a' }));
    const r = await call(b.h, post('k2', { name: 'b' }));
    expect(r.statusCode).toBe(422);
    expect(JSON.parse(r.body as string).code).toBe('idempotency_conflict');
  });

  it('answers 409 with Retry-After while the first request is in flight', async () => {
    const store = new MemoryIdempotencyStore();
    const b = build(store);
    // Simulate a first request that is still running.
    const { idempotencyRecordId, requestFingerprint } = await import('../../../functions/app/idempotency.js');
    await store.begin(idempotencyRecordId('admin', 'POST', '/v1/admin/merchants', 'k3'), requestFingerprint({ name: 'a' }), Date.now(), 60_000);
    const r = await call(b.h, post('k3', { name: 'a' }));
    expect(r.statusCode).toBe(409);
    expect(JSON.parse(r.body as string).code).toBe('idempotency_in_flight');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('stores a 4xx outcome as final but forgets a 5xx so the retry runs again', async () => {
    const b = build();
    const s1 = await call(b.h, post('k4', { fail: 'state' }));
    const s2 = await call(b.h, post('k4', { fail: 'state' }));
    expect(s1.statusCode).toBe(409);
    expect(s2.headers['idempotent-replayed']).toBe('true');
    expect(b.calls()).toBe(1);
    await call(b.h, post('k5', { fail: 'crash' }));
    await call(b.h, post('k5', { fail: 'crash' }));
    expect(b.calls()).toBe(3);
  });
});

describe('validation messages', () => {
  it('says "missing" only for absent fields and names the offending one otherwise', async () => {
    const z = await import('zod');
    const { parseWith } = await import('../../../functions/handlers/http/parse.js');
    const s = z.strictObject({ items: z.array(z.strictObject({ amount: z.number().int() })) });
    expect(() => parseWith(s, { items: [{ amount: 1.5 }] })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('Missing'), options: { param: 'items[0].amount' } }));
    expect(() => parseWith(s, { items: [{}] })).toThrow(expect.objectContaining({ message: 'Missing required field: items[0].amount' }));
    expect(() => parseWith(s, { items: [], extra: 1 })).toThrow(expect.objectContaining({ message: 'Unknown field: extra', options: { param: 'extra' } }));
  });
});
