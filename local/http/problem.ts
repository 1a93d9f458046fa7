/** The answers API Gateway itself gives, in our API.md error shape (RFC 9457 problem+json). */
import type { ServerResponse } from 'node:http';

const TITLES: Record<string, string> = {
  not_found: 'Not found',
  payload_too_large: 'Payload too large',
  internal_error: 'Internal error',
  forbidden: 'Forbidden',
};

export function sendProblem(res: ServerResponse, status: number, code: string, detail: string, requestId: string, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify({
    type: `https://docs.smart-agent-pay.dev/errors/${code}`, title: TITLES[code] ?? code, status, detail, code, request_id: requestId,
  });
  res.writeHead(status, {
    'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), 'request-id': requestId, 'apigw-requestid': requestId, ...extraHeaders,
  });
  res.end(body);
}
