/**
 * Edge validation: zod schemas from contracts/api turn bodies and query strings into typed values,
 * and every failure into a 400 `invalid_request` whose `param` names the offending field.
 */
import type { z } from 'zod';
import { AppError } from '../../core/errors.js';

function paramOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

export function toAppError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('invalid_request', 'Invalid request');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = paramOf([...issue.path, key]);
    return new AppError('invalid_request', `Unknown field: ${param}`, { param });
  }
  const param = paramOf(issue.path);
  // zod 4 issues do not carry the input: a missing field is an invalid_type "received undefined".
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  const detail = missing ? `Missing required field: ${param}` : `${param ? `${param}: ` : ''}${issue.message}`;
  return new AppError('invalid_request', detail, param ? { param } : {});
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw toAppError(r.error);
  return r.data;
}
