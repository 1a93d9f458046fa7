/**
 * The idempotency wrapper for routes marked `idempotent` in the route contract. A client error
 * raised by the handler is a final answer and is stored like a success; a 5xx is not.
 */
import { idempotencyRecordId, requestFingerprint, runIdempotent, validateIdempotencyKey } from '../../app/idempotency.js';
import type { IdempotencyStore, StoredResponse } from '../../app/ports/idempotency-store.js';
import { AppError } from '../../core/errors.js';
import type { Wrapper } from './api.js';
import { problem, type HttpResult } from './respond.js';

function ownerOf(req: Parameters<Wrapper>[0]): string {
  const p = req.principal;
  if (!p) return 'anonymous';
  return p.kind === 'admin' ? 'admin' : p.kind === 'agent' ? `${p.merchantId}/${p.agentId}` : p.merchantId;
}

export function idempotency(store: () => IdempotencyStore, nowMs: () => number = Date.now): Wrapper {
  return async (req, next) => {
    // Money routes require a key; every other POST honours one when given (as Stripe does).
    const given = req.headers['idempotency-key'];
    if (!req.route.idempotent && (given === undefined || req.route.method !== 'POST')) return next();
    const key = validateIdempotencyKey(given);
    const id = idempotencyRecordId(ownerOf(req), req.route.method, req.event.rawPath, key);
    const { response, replayed } = await runIdempotent(store(), { id, fingerprint: requestFingerprint(req.body), nowMs }, async (): Promise<StoredResponse> => {
      let r: HttpResult;
      try {
        r = await next();
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        r = problem(err, req.requestId);
      }
      return { statusCode: r.statusCode, headers: r.headers, body: typeof r.body === 'string' ? r.body : '' };
    });
    const headers: Record<string, string> = { ...response.headers };
    if (replayed) headers['idempotent-replayed'] = 'true';
    return { statusCode: response.statusCode, headers, body: response.body };
  };
}
