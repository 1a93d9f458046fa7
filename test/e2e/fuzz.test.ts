/**
 * Bad input never gets a 5xx (API.md: "A client mistake is never a 5xx"): every route of the
 * contract, called with generated nasty bodies, query strings and path ids by a merchant, an
 * agent-less anonymous caller and the admin, answers a 2xx/4xx — and every 4xx is problem+json
 * with a stable code.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDef } from '../../functions/contracts/routes.js';
import { client } from '../support/http-client.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

let rt: TestRuntime;
let merchantKey: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  merchantKey = (await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'Fuzz' })).body.secret_key;
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

// Routes whose handlers call out to sandboxes or start long workflows are still fuzzed: a bad
// body must be refused before anything starts.
const routes = (ROUTES as readonly RouteDef[]).filter((r) => r.path !== '/mcp');

const nastyString = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '\u0000', '💸', 'pay_' + 'x'.repeat(300), '../../etc/passwd', '%00', '<script>', '1e309', '-0', 'NaN', 'null'),
);
const nastyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ amount: fc.oneof(fc.double(), fc.integer(), nastyString, fc.constant(null)), currency: nastyString, payment_method: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
const rawBody = fc.oneof(nastyJson.map((v) => JSON.stringify(v)), fc.string(), fc.constantFrom('{', '[', '{"a":', 'null', '"x"', '1', '{"__proto__":{"x":1}}'));

function concretePath(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(id) || 'x');
}

describe('no input is a server error', () => {
  it('every route answers generated bad input with 2xx/4xx, and 4xx as problem+json with a code', async () => {
    const keys = () => [merchantKey, rt.adminKey, undefined];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), rawBody, nastyString, fc.constantFrom(0, 1, 2), nastyString, async (route, body, id, who, query) => {
        const key = keys()[who];
        const path = concretePath(route.path, id) + (route.method === 'GET' ? `?limit=${encodeURIComponent(query)}&starting_after=${encodeURIComponent(query)}` : '');
        const r = await client(rt.url, key).raw(route.method, path, route.method === 'GET' ? undefined : body, {
          'content-type': 'application/json',
          'idempotency-key': `fuzz-${Math.random().toString(36).slice(2)}`,
        });
        expect(r.status, `${route.method} ${path} ${body.slice(0, 120)} → ${r.status} ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) {
          expect(r.headers.get('content-type')).toContain('application/problem+json');
          expect(typeof r.body.code).toBe('string');
          expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
