import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMAS } from '../../../functions/contracts/api/index.js';
import { buildOpenApi } from '../../../functions/contracts/openapi.js';
import { ROUTES, routeKey } from '../../../functions/contracts/routes.js';
import { OPENAPI_FILE, renderOpenApi } from '../../../scripts/write-openapi.js';

type Op = { requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, { content?: Record<string, { example?: unknown }> }> };

describe('OpenAPI 3.1 document', () => {
  it('every route of the contract has a response schema in API_SCHEMAS (and no schema names a route that does not exist)', () => {
    const missing = ROUTES.map(routeKey).filter((k) => !API_SCHEMAS[k]?.response);
    expect(missing).toEqual([]);
    const keys = new Set(ROUTES.map(routeKey));
    expect(Object.keys(API_SCHEMAS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('every operation shows an example of its success response and of its request body', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, Op>> };
    const without: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const success = Object.entries(op.responses).find(([status]) => !['400', '401', '403', '409', '422'].includes(status))?.[1];
        if (Object.values(success?.content ?? {})[0]?.example === undefined) without.push(`${method} ${path} response`);
        if (op.requestBody && Object.values(op.requestBody.content)[0]?.example === undefined) without.push(`${method} ${path} body`);
      }
    }
    expect(without).toEqual([]);
  });

  it(`${OPENAPI_FILE} is up to date (run \`npm run openapi\` after changing a route or schema)`, () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi());
  });
});
