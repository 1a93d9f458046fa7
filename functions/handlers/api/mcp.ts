/**
 * MCP over Streamable HTTP at `/mcp`, stateless with JSON responses (fits Lambda: one request in,
 * one answer out, no session to keep). The bearer must be an agent key; the tools act as its agent.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { AppError } from '../../core/errors.js';
import { httpApi, type RouteRequest } from '../http/api.js';
import { agentPayMcpServer } from '../mcp/server.js';

function agentOf(req: RouteRequest) {
  const p = req.principal;
  if (p?.kind !== 'agent') throw new AppError('forbidden', 'The MCP server acts for an agent: use an agent key (ak_…)');
  return { merchantId: p.merchantId, agentId: p.agentId, mandateId: p.mandateId, keyId: p.keyId };
}

export const handler = httpApi({
  'POST /mcp': async (req) => {
    const server = agentPayMcpServer(agentOf(req));
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      const request = new Request(`https://${req.event.requestContext.domainName}${req.event.rawPath}`, { method: 'POST', headers: req.headers, body: req.rawBody });
      const res = await transport.handleRequest(request, { parsedBody: req.body });
      return { statusCode: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
    } finally {
      await server.close();
    }
  },
  'GET /mcp': async (req) => {
    agentOf(req);
    return { statusCode: 405, headers: { allow: 'POST', 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless (POST only)' }, id: null }) };
  },
});
