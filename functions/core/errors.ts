/**
 * Public error codes (API.md error table), grouped by family, and their one mapping to HTTP.
 * Every failure a client can cause is an {@link AppError} with one of these codes; anything else
 * becomes a generic 500 at the edge and is never shown in detail.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  idempotency_key_required: 400,
  authentication_required: 401,
  forbidden: 403,
  mandate_violation: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_in_flight: 409,
  invalid_state: 409,
  quote_expired: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_conflict: 422,
  invalid_brcode: 422,
  rate_limited: 429,
  internal_error: 500,
  processor_unavailable: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  idempotency_key_required: 'Idempotency-Key header required',
  authentication_required: 'Authentication required',
  forbidden: 'Forbidden',
  mandate_violation: 'Mandate violation',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  idempotency_in_flight: 'Request with this Idempotency-Key is in flight',
  invalid_state: 'Invalid state',
  quote_expired: 'Quote expired',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  idempotency_conflict: 'Idempotency-Key reused with a different request',
  invalid_brcode: 'Invalid BR Code',
  rate_limited: 'Rate limited',
  internal_error: 'Internal error',
  processor_unavailable: 'Processor unavailable',
  service_unavailable: 'Service unavailable',
};

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { param?: string; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  get param(): string | undefined {
    return this.options.param;
  }
}

export const invalid = (message: string, param?: string): AppError =>
  new AppError('invalid_request', message, param === undefined ? {} : { param });
export const notFound = (what: string): AppError => new AppError('not_found', `No such ${what}`);
export const invalidState = (message: string): AppError => new AppError('invalid_state', message);
