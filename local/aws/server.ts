/**
 * One loopback HTTP server that speaks the control-plane protocols the handlers' real SDK clients
 * use (AWS_ENDPOINT_URL_SFN / _EVENTBRIDGE / _SCHEDULER point here):
 *  - awsJson1_0 `X-Amz-Target: AWSStepFunctions.<Op>` (Step Functions),
 *  - awsJson1_1 `X-Amz-Target: AWSEvents.<Op>` (EventBridge),
 *  - restJson1 `/schedules/{Name}` (EventBridge Scheduler).
 * Errors: JSON protocols `{ "__type", "message" }` (HTTP 400); restJson1 `X-Amzn-ErrorType` + `{ "Message" }`.
 * Requests are not signature-checked (dummy credentials).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsApiError } from './api-error.js';
import { INVOKE_PATH, type LambdaInvoke } from './lambda-api.js';

type JsonOp = (operation: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;
type RestOp = (method: string, name: string, query: URLSearchParams, body: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface AwsEndpointOptions {
  readonly stepFunctions?: JsonOp;
  readonly events?: JsonOp;
  readonly scheduler?: RestOp;
  readonly lambda?: LambdaInvoke;
  readonly port?: number;
}

export interface AwsEndpoint {
  readonly url: string;
  stop(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new AwsApiError('ValidationException', 'request too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body, (_k, v: unknown) => (v === undefined ? undefined : v));
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID(), ...extra });
  res.end(text);
}

export async function startAwsEndpoint(opts: AwsEndpointOptions): Promise<AwsEndpoint> {
  const jsonServices: Record<string, { op?: JsonOp; contentType: string }> = {
    AWSStepFunctions: { op: opts.stepFunctions, contentType: 'application/x-amz-json-1.0' },
    AWSEvents: { op: opts.events, contentType: 'application/x-amz-json-1.1' },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.headers['x-amz-target'];
    const url = new URL(req.url ?? '/', 'http://local');
    if (typeof target === 'string') {
      const [service = '', operation = ''] = target.split('.');
      const svc = jsonServices[service];
      const contentType = svc?.contentType ?? 'application/x-amz-json-1.0';
      try {
        if (!svc?.op) throw new AwsApiError('UnknownOperationException', `${target} is not emulated locally`);
        const text = await readBody(req);
        const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        send(res, 200, contentType, await svc.op(operation, body));
      } catch (err) {
        const e = err instanceof AwsApiError ? err : new AwsApiError(err instanceof SyntaxError ? 'SerializationException' : 'InternalFailure', (err as Error).message, err instanceof SyntaxError ? 400 : 500);
        send(res, e.status, contentType, { __type: e.code, message: e.message });
      }
      return;
    }
    const inv = INVOKE_PATH.exec(url.pathname);
    if (inv && opts.lambda && req.method === 'POST') {
      try {
        const text = await readBody(req);
        const out = await opts.lambda(inv[1]!, text ? (JSON.parse(text) as unknown) : null);
        send(res, 200, 'application/json', out.payload, out.functionError ? { 'x-amz-function-error': out.functionError, 'x-amz-executed-version': '$LATEST' } : { 'x-amz-executed-version': '$LATEST' });
      } catch (err) {
        send(res, 400, 'application/json', { Message: (err as Error).message }, { 'x-amzn-errortype': 'InvalidRequestContentException' });
      }
      return;
    }
    const m = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (m && opts.scheduler) {
      try {
        const text = await readBody(req);
        const out = await opts.scheduler(req.method ?? 'GET', decodeURIComponent(m[1]!), url.searchParams, text ? (JSON.parse(text) as Record<string, unknown>) : {});
        send(res, 200, 'application/json', out);
      } catch (err) {
        const e = err instanceof AwsApiError ? err : new AwsApiError('InternalServerException', (err as Error).message, 500);
        send(res, e.status, 'application/json', { Message: e.message }, { 'x-amzn-errortype': e.code });
      }
      return;
    }
    send(res, 404, 'application/json', { Message: `no local emulation for ${req.method} ${url.pathname}` }, { 'x-amzn-errortype': 'UnknownOperationException' });
  };

  const server: Server = createServer({ keepAlive: true }, (req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
