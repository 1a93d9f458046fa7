/**
 * Small HTTP helpers shared by the sandbox acquirers: body reading, Stripe-style form decoding,
 * JSON replies, the `/__sandbox/control` state and listening on a free loopback port.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SandboxMode = 'up' | 'down' | 'slow';
export interface SandboxControl {
  readonly mode: SandboxMode;
  /** Probability of approval for cards that would otherwise approve; the rest soft-decline (processing error). */
  readonly success_rate: number;
  /** Added latency in `slow` mode (ms). */
  readonly latency_ms: number;
}
export const DEFAULT_CONTROL: SandboxControl = { mode: 'up', success_rate: 1, latency_ms: 0 };

/** Validates a control update; returns an error message or the merged control. */
export function mergeControl(current: SandboxControl, body: unknown): SandboxControl | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!['mode', 'success_rate', 'latency_ms'].includes(k)) return `unknown field ${k}`;
  const mode = b.mode ?? current.mode;
  if (mode !== 'up' && mode !== 'down' && mode !== 'slow') return 'mode must be up, down or slow';
  const rate = b.success_rate ?? (b.mode === 'up' ? 1 : current.success_rate);
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return 'success_rate must be a number in 0..1';
  const latency = b.latency_ms ?? (mode === 'slow' ? Math.max(current.latency_ms, 1000) : 0);
  if (typeof latency !== 'number' || !Number.isInteger(latency) || latency < 0 || latency > 120_000) return 'latency_ms must be an integer in 0..120000';
  return { mode, success_rate: rate, latency_ms: latency };
}

export async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type FormValue = string | FormObject | FormValue[];
export interface FormObject { [key: string]: FormValue }

/**
 * Decodes `application/x-www-form-urlencoded` the way Stripe's API (and the `qs` library) reads
 * it: `a[b][c]=v` nests, `expand[0]=x` makes arrays. The SDK leaves brackets unencoded.
 */
export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node: FormObject = root;
    for (let i = 0; i < path.length; i++) {
      const k = path[i] as string;
      if (i === path.length - 1) {
        node[k] = value;
      } else {
        const next = node[k];
        if (typeof next !== 'object' || Array.isArray(next)) node[k] = {};
        node = node[k] as FormObject;
      }
    }
  }
  return arrayify(root) as FormObject;
}

/** Objects whose keys are exactly 0..n-1 become arrays. */
function arrayify(v: FormValue): FormValue {
  if (typeof v === 'string' || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  const out: FormObject = {};
  for (const k of keys) out[k] = arrayify(v[k] as FormValue);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => out[k] as FormValue);
  return out;
}

/** SHA-256 of a canonical JSON form (sorted keys): how the sandboxes compare idempotent requests without keeping card data. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Listening {
  readonly server: Server;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port; `close` also drops keep-alive connections. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Serves GET/POST `/__sandbox/control`. Returns true when it handled the request.
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: { control: SandboxControl },
): Promise<boolean> {
  if (path !== '/__sandbox/control') return false;
  if (req.method === 'GET') {
    sendJson(res, 200, state.control);
    return true;
  }
  if (req.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)) || '{}');
    } catch {
      sendJson(res, 400, { error: 'body must be JSON' });
      return true;
    }
    const merged = mergeControl(state.control, body);
    if (typeof merged === 'string') {
      sendJson(res, 400, { error: merged });
      return true;
    }
    state.control = merged;
    sendJson(res, 200, merged);
    return true;
  }
  sendJson(res, 405, { error: 'method not allowed' });
  return true;
}

/**
 * `down` destroys the socket without an answer: the client sees a connection reset, as when a
 * processor's load balancer drops us — immediate, so outage drills and tests stay fast (a hang
 * is what `slow` with a latency above the client timeout gives). Returns false when dropped.
 */
export function dropIfDown(req: IncomingMessage, control: SandboxControl): boolean {
  if (control.mode !== 'down') return true;
  req.socket.destroy();
  return false;
}

/**
 * `slow` sleeps after the body was read and *then* processes the request, so a client that timed
 * out leaves an authorization behind — exactly the case void-by-idempotency-key exists for.
 */
export async function delayIfSlow(control: SandboxControl): Promise<void> {
  if (control.mode === 'slow' && control.latency_ms > 0) await sleep(control.latency_ms);
}

/** A random id with Stripe's/Adyen's look: prefix + base62. */
export function randomId(prefix: string, length = 24): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % 62];
  return out;
}
