/**
 * Examples for the OpenAPI document: a schema's own `.meta({ example })` wins; otherwise a
 * deterministic example is derived from its JSON Schema (first enum value, `const`, minimum,
 * formats), so that every operation of the document shows a request and a response.
 */
type Json = Record<string, unknown>;

const FORMAT_EXAMPLES: Record<string, string> = { 'date-time': '2026-11-22T12:00:00Z', email: 'buyer@example.com', uri: 'https://example.com/webhooks', url: 'https://example.com/webhooks' };

export function exampleOf(schema: Json | undefined, components: Record<string, Json>, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  const ref = schema['$ref'];
  if (typeof ref === 'string') return exampleOf(components[ref.replace('#/components/schemas/', '')], components, depth + 1);
  if (schema['const'] !== undefined) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  if (schema['default'] !== undefined) return schema['default'];
  for (const k of ['anyOf', 'oneOf'] as const) {
    const branches = schema[k] as Json[] | undefined;
    if (branches?.length) return exampleOf(branches.find((b) => b['type'] !== 'null') ?? branches[0], components, depth + 1);
  }
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).find((t) => t !== 'null') : schema['type'];
  switch (type) {
    case 'object': {
      const out: Json = {};
      for (const [name, prop] of Object.entries((schema['properties'] ?? {}) as Record<string, Json>)) {
        const v = exampleOf(prop, components, depth + 1);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'array': {
      const item = exampleOf(schema['items'] as Json | undefined, components, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'string':
      return FORMAT_EXAMPLES[String(schema['format'])] ?? (typeof schema['minLength'] === 'number' && schema['minLength'] > 6 ? 'x'.repeat(schema['minLength']) : 'string');
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? Math.max(schema['minimum'], 1) : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return undefined;
  }
}
