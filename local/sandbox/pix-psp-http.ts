/**
 * HTTP plumbing of the sandbox PSP: JSON bodies, RFC 7807 problems in the API Pix shape
 * (`type` = `https://pix.bcb.gov.br/api/v2/error/<TipoErro>`, `violacoes[]`), and the answer type
 * every handler returns.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxState } from './pix-psp-state.js';

export const ERROR_BASE = 'https://pix.bcb.gov.br/api/v2/error/';
const MAX_BODY = 1024 * 1024;

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  /** Default `application/json`; a string body is written as is. */
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

export interface Violation {
  razao: string;
  propriedade: string;
  valor?: string;
}

/** What a route handler gets: the state, the request, path captures, query and raw body. */
export interface Ctx {
  readonly s: SandboxState;
  readonly req: IncomingMessage;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: string;
}

export type Handler = (ctx: Ctx) => Answer | Promise<Answer>;

/** Thrown by handlers; the server turns it into a problem answer. */
export class SandboxProblem extends Error {
  constructor(
    readonly status: number,
    readonly tipo: string,
    readonly title: string,
    readonly detail?: string,
    readonly violacoes: Violation[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${tipo}: ${detail ?? title}`);
  }
  toAnswer(): Answer {
    return {
      status: this.status,
      contentType: 'application/problem+json',
      headers: this.headers,
      body: {
        type: this.tipo.startsWith('about:') || this.tipo.includes('://') ? this.tipo : `${ERROR_BASE}${this.tipo}`,
        title: this.title,
        status: this.status,
        ...(this.detail ? { detail: this.detail } : {}),
        ...(this.violacoes.length > 0 ? { violacoes: this.violacoes } : {}),
      },
    };
  }
}

/** 400 `<Entity>OperacaoInvalida` with one violation per broken property. */
export function invalid(tipo: string, violacoes: Violation[], detail = 'A requisição não respeita o schema ou está semanticamente errada.'): SandboxProblem {
  return new SandboxProblem(400, tipo, 'Operação inválida.', detail, violacoes);
}

export function notFound(detail = 'Entidade não encontrada.'): SandboxProblem {
  return new SandboxProblem(404, 'NaoEncontrado', 'Não Encontrado', detail);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) throw new SandboxProblem(413, 'about:blank', 'Payload Too Large');
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON object in the body, or a 400 naming the entity. */
export function parseJsonObject(text: string, tipo: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw invalid(tipo, [], 'O corpo da requisição não é um JSON válido.');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalid(tipo, [], 'O corpo da requisição deve ser um objeto JSON.');
  return v as Record<string, unknown>;
}

export function write(res: ServerResponse, a: Answer): void {
  const type = a.contentType ?? 'application/json';
  const payload = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
  res.writeHead(a.status, { ...(payload ? { 'content-type': `${type}; charset=utf-8` } : {}), ...(a.headers ?? {}) });
  res.end(payload);
}

/** Narrowing helpers for loosely typed request bodies. */
export function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
