/**
 * Response shapes of the HTTP API: JSON bodies and RFC 9457 problem+json errors (API.md
 * "Errors"), each with the `Request-Id` header.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, ERROR_TITLES, type ErrorCode } from '../../core/errors.js';

export const ERROR_TYPE_BASE = 'https://docs.smart-agent-pay.dev/errors/';

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  param?: string;
  request_id: string;
}

export function problemBody(code: ErrorCode, status: number, detail: string, requestId: string, param?: string): Problem {
  return {
    type: `${ERROR_TYPE_BASE}${code}`,
    title: ERROR_TITLES[code],
    status,
    detail,
    code,
    ...(param === undefined ? {} : { param }),
    request_id: requestId,
  };
}

export function problem(err: AppError, requestId: string): HttpResult {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (err.options.retryAfterSeconds !== undefined) headers['retry-after'] = String(err.options.retryAfterSeconds);
  return { statusCode: err.status, headers, body: JSON.stringify(problemBody(err.code, err.status, err.message, requestId, err.param)) };
}

/** Anything that is not an AppError: a generic 500 that reveals nothing (Middy's rule). */
export function internalError(requestId: string): HttpResult {
  return problem(new AppError('internal_error', 'An internal error occurred; it is safe to retry with the same Idempotency-Key.'), requestId);
}
