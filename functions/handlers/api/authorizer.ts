/**
 * HTTP API Lambda authorizer (simple responses). It always authorizes and passes who the caller is
 * — or `authenticated: "false"` — so the route answers 401 as problem+json (API.md), which an
 * HTTP API's own 403 cannot be.
 */
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { authenticate } from '../../app/authenticate.js';
import { principalToContext } from '../http/principal.js';
import { cfg, merchantStore } from '../root.js';

export const handler = async (event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerWithContextResult<Record<string, string>>> => {
  const header = event.headers?.['authorization'] ?? event.headers?.['Authorization'];
  const r = await authenticate(header, { merchants: merchantStore(), adminKeySha256: cfg().ADMIN_KEY_SHA256 });
  return { isAuthorized: true, context: r.ok ? principalToContext(r.principal) : principalToContext(undefined, r.reason) };
};
