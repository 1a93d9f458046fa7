/**
 * API Pix failures as one typed error. The PSP answers RFC 7807 problems
 * (`type` = `https://pix.bcb.gov.br/api/v2/error/<TipoErro>`, `title`, `status`, `detail`,
 * `correlationId`, `violacoes[]`); the token endpoint answers RFC 6749 §5.2 errors
 * (`error`, `error_description`). Note the spec declares some problems as `application/json`
 * instead of `application/problem+json` (`responses.RequisicaoInvalida`), so the body is parsed
 * by shape, not by content type.
 */
import { PixPspError, Pii, type PixPspErrorCode } from '../../app/ports/pix-psp.js';
import type { ProblemaWire } from './wire.js';

export interface PixApiViolation {
  readonly reason?: string;
  readonly property?: string;
  /** The offending value: may be a key or a CPF, so it is wrapped. */
  readonly value?: Pii;
}

export interface PixApiProblem {
  /** e.g. `https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida`, or an OAuth error code. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly correlationId?: string;
  readonly violations: readonly PixApiViolation[];
}

/** Maps an HTTP status to our PSP error code (one table). */
export function codeForStatus(status: number): PixPspErrorCode {
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429 || status >= 500) return 'unavailable';
  return 'protocol';
}

export class PixApiError extends PixPspError {
  override name = 'PixApiError';
  constructor(
    readonly problem: PixApiProblem,
    options: { code?: PixPspErrorCode; cause?: unknown } = {},
  ) {
    // The message names properties, never their values (they may be personal data).
    const props = problem.violations.map((v) => v.property).filter((p) => p !== undefined);
    const tail = props.length > 0 ? ` [${props.join(', ')}]` : '';
    super(options.code ?? codeForStatus(problem.status), `API Pix ${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}${tail}`, options);
  }
  get status(): number {
    return this.problem.status;
  }
  /** The last path segment of the problem type, e.g. `PixDevolucaoInvalida`. */
  get problemType(): string {
    return this.problem.type.split('/').pop() ?? this.problem.type;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Builds the error for a non-2xx answer, from whatever body the PSP sent. */
export function problemFromResponse(status: number, body: string): PixApiError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const o = (json !== null && typeof json === 'object' ? json : {}) as Partial<ProblemaWire> & { error?: unknown; error_description?: unknown };
  const violations = Array.isArray(o.violacoes)
    ? o.violacoes.map((v) => {
        const value = str(v?.valor);
        return { reason: str(v?.razao), property: str(v?.propriedade), ...(value !== undefined ? { value: new Pii(value) } : {}) };
      })
    : [];
  const oauthError = str(o.error);
  return new PixApiError({
    type: str(o.type) ?? oauthError ?? 'about:blank',
    title: str(o.title) ?? oauthError ?? `HTTP ${status}`,
    status,
    detail: str(o.detail) ?? str(o.error_description),
    correlationId: str(o.correlationId),
    violations,
  });
}
