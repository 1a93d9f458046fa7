/**
 * The MCP server for one agent principal (stdio via `agentpay mcp`, Streamable HTTP via `/mcp`).
 * Built per request on Lambda (stateless), once per process on stdio.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { callTool, TOOL_DESCRIPTIONS, TOOL_INPUTS, type AgentPrincipal, type ToolName } from './tools.js';

export function agentPayMcpServer(agent: AgentPrincipal, version = '0.1.0'): McpServer {
  const server = new McpServer({ name: 'smart-agent-pay', version }, { capabilities: { tools: {} } });
  for (const name of Object.keys(TOOL_INPUTS) as ToolName[]) {
    server.registerTool(name, { description: TOOL_DESCRIPTIONS[name], inputSchema: TOOL_INPUTS[name] as never }, ((args: unknown) => callTool(name, agent, args)) as never);
  }
  return server;
}
