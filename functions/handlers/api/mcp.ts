/**
 * MCP over Streamable HTTP at `/mcp`, stateless with JSON responses (fits Lambda: one request in,
 * one answer out, no session to keep). The bearer must be an agent key; the tools act as its agent.
 */
import { AppError } from '../../core/errors.js';
import { httpApi, type RouteRequest } from '../http/api.js';
import { json } from '../http/respond.js';
import { handleMcpPost } from '../mcp/json-rpc.js';

function agentOf(req: RouteRequest) {
  const p = req.principal;
  if (p?.kind !== 'agent') throw new AppError('forbidden', 'The MCP server acts for an agent: use an agent key (ak_…)');
  return { merchantId: p.merchantId, agentId: p.agentId, mandateId: p.mandateId, keyId: p.keyId };
}

export const handler = httpApi({
  'POST /mcp': async (req) => {
    const r = await handleMcpPost(req.body, agentOf(req));
    return r.body === undefined ? { statusCode: r.status, headers: {}, body: '' } : json(r.status, r.body);
  },
  // No server-initiated stream in a stateless Lambda: clients fall back to POST only (MCP spec).
  'GET /mcp': async (req) => {
    agentOf(req);
    return json(405, { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless (POST only)' }, id: null }, { allow: 'POST' });
  },
});
