/**
 * HTTP transport over `node:http` / `node:https`. Node 20's global fetch (undici) cannot present
 * a client certificate, and PSPs require mTLS on both the token and API endpoints (PIX_SPEC §3.1,
 * bacen/pix-api#350), so https goes through an `https.Agent({ cert, key, ca })`. Plain http is
 * only for the loopback sandbox. Every request has an overall deadline and a response size cap.
 */
import http from 'node:http';
import https from 'node:https';
import { PixPspError } from '../../app/ports/pix-psp.js';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface HttpTransport {
  request(req: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

/** mTLS material, already read from the configured files (PEM). */
export interface TlsMaterial {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly ca?: string | Buffer;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function nodeHttpTransport(tls?: TlsMaterial): HttpTransport {
  const httpsAgent = new https.Agent({ keepAlive: true, ...(tls ?? {}) });
  const httpAgent = new http.Agent({ keepAlive: true });
  return {
    request(req) {
      const secure = req.url.protocol === 'https:';
      if (!secure && req.url.protocol !== 'http:') {
        return Promise.reject(new PixPspError('invalid_request', `unsupported protocol ${req.url.protocol}`));
      }
      const lib = secure ? https : http;
      return new Promise<HttpResponse>((resolve, reject) => {
        const headers: Record<string, string | number> = { ...req.headers };
        if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
        const r = lib.request(req.url, { method: req.method, headers, agent: secure ? httpsAgent : httpAgent });
        const timer = setTimeout(() => {
          r.destroy(new PixPspError('timeout', `no answer from the PSP within ${req.timeoutMs} ms`));
        }, req.timeoutMs);
        r.on('response', (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) r.destroy(new PixPspError('protocol', 'PSP response too large'));
            else chunks.push(c);
          });
          res.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          res.on('error', (e) => {
            clearTimeout(timer);
            reject(e instanceof PixPspError ? e : new PixPspError('unavailable', 'PSP connection failed', { cause: e }));
          });
        });
        r.on('error', (e) => {
          clearTimeout(timer);
          reject(e instanceof PixPspError ? e : new PixPspError('unavailable', 'PSP connection failed', { cause: e }));
        });
        r.end(req.body);
      });
    },
    close() {
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}
