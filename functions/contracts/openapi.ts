/**
 * The OpenAPI 3.1 document, generated from the route contract and the zod schemas (never written
 * by hand). Served at GET /v1/openapi.json and written to docs/openapi.json by `npm run openapi`.
 */
import * as z from 'zod';
import { ROUTES, routeKey, type RouteDef } from './routes.js';
import { API_SCHEMAS } from './api/index.js';
import { problemSchema } from './api/common.js';
import { ERROR_STATUS } from '../core/errors.js';
import { exampleOf } from './openapi-examples.js';

type Json = Record<string, unknown>;

/**
 * zod emits named schemas (`.meta({ id })`) under a local `$defs`; in an OpenAPI document `#` is
 * the document root, so they are hoisted into components and their `$ref`s rewritten.
 */
function makeSchemaOf(components: Record<string, Json>) {
  return (s: z.ZodType, io: 'input' | 'output'): Json => {
    const raw = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const text = JSON.stringify(raw).replace(/"#\/\$defs\/([^"]+)"/g, (_, id: string) => `"#/components/schemas/${id}"`);
    const { $defs, $schema: _s, ...schema } = JSON.parse(text) as Json & { $defs?: Record<string, Json> };
    for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= def;
    return schema;
  };
}

export function buildOpenApi(version = '0.1.0'): Json {
  const paths: Record<string, Json> = {};
  const components: Record<string, Json> = {};
  const schemaOf = makeSchemaOf(components);
  components['Problem'] = schemaOf(problemSchema, 'output');
  for (const r of ROUTES as readonly RouteDef[]) {
    const s = API_SCHEMAS[routeKey(r)] ?? {};
    const params: Json[] = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (s.query) {
      const q = schemaOf(s.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
    if (r.idempotent) params.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 1, maxLength: 255 } });
    const ok = s.response ?? { status: 200, schema: z.object({}).passthrough() };
    const okSchema = schemaOf(ok.schema, 'output');
    const okExample = exampleOf(okSchema, components);
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const op: Json = {
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').split(/[/_.-]/).map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('')}`,
      security: r.auth === 'public' ? [] : [{ bearer: [] }],
      parameters: params,
      responses: {
        [String(ok.status)]: { description: 'Success', content: { [ok.contentType ?? 'application/json']: { schema: okSchema, ...(okExample === undefined ? {} : { example: okExample }) } } },
        '400': { description: 'invalid_request', ...problem },
        ...(r.auth === 'public' ? {} : { '401': { description: 'authentication_required', ...problem }, '403': { description: 'forbidden', ...problem } }),
        ...(r.idempotent ? { '409': { description: 'idempotency_in_flight or invalid_state', ...problem }, '422': { description: 'idempotency_conflict', ...problem } } : {}),
      },
    };
    if (s.body) {
      const body = schemaOf(s.body, 'input');
      const example = (s.body.meta() as { example?: unknown } | undefined)?.example ?? exampleOf(body, components);
      op['requestBody'] = { required: true, content: { 'application/json': { schema: body, ...(example === undefined ? {} : { example }) } } };
    }
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Smart-Agent-Pay API', version, description: 'Payment orchestration for AI agents and merchants. Errors are RFC 9457 problem+json; codes: ' + Object.keys(ERROR_STATUS).join(', ') },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'Local runtime' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'sk_test_… merchant key, ak_test_… agent key, or the operator admin key' } },
      schemas: components,
    },
    paths,
  };
}
