/**
 * The MCP endpoint on Lambda as a stateless JSON-RPC 2.0 dispatcher (MCP Streamable HTTP with
 * JSON responses, no session): initialize, ping, tools/list, tools/call over the same tool table
 * as the SDK server of `agentpay mcp`. Written by hand because the SDK's server statically bundles
 * ajv (a validator for elicitation, which we never use) and would push this function past the
 * 500 KB bundle budget (DESIGN.md §8); e2e tests drive it with the SDK's own client.
 */
import * as z from 'zod';
import { callTool, TOOL_DESCRIPTIONS, TOOL_INPUTS, type AgentPrincipal, type ToolName } from './tools.js';

/** As the SDK 1.32 (types.ts SUPPORTED_PROTOCOL_VERSIONS); the first is what we answer by default. */
export const PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '2024-10-07'] as const;

type Id = string | number;
type Message = { jsonrpc?: unknown; id?: Id; method?: unknown; params?: Record<string, unknown> };
type Reply = { jsonrpc: '2.0'; id: Id | null; result?: unknown; error?: { code: number; message: string } };

let toolList: unknown[] | undefined;
function tools(): unknown[] {
  toolList ??= (Object.keys(TOOL_INPUTS) as ToolName[]).map((name) => ({
    name,
    description: TOOL_DESCRIPTIONS[name],
    inputSchema: z.toJSONSchema(TOOL_INPUTS[name], { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
  }));
  return toolList;
}

const err = (id: Id | null, code: number, message: string): Reply => ({ jsonrpc: '2.0', id, error: { code, message } });

async function answer(m: Message, agent: AgentPrincipal): Promise<Reply | undefined> {
  if (m.jsonrpc !== '2.0' || typeof m.method !== 'string') return err(m.id ?? null, -32600, 'Invalid Request');
  if (m.id === undefined) return undefined; // a notification (e.g. notifications/initialized): nothing to say
  switch (m.method) {
    case 'initialize': {
      const asked = String(m.params?.['protocolVersion'] ?? '');
      const protocolVersion = (PROTOCOL_VERSIONS as readonly string[]).includes(asked) ? asked : PROTOCOL_VERSIONS[0];
      return { jsonrpc: '2.0', id: m.id, result: { protocolVersion, capabilities: { tools: { listChanged: false } }, serverInfo: { name: 'smart-agent-pay', version: '0.1.0' } } };
    }
    case 'ping':
      return { jsonrpc: '2.0', id: m.id, result: {} };
    case 'tools/list':
      return { jsonrpc: '2.0', id: m.id, result: { tools: tools() } };
    case 'tools/call': {
      const name = String(m.params?.['name'] ?? '');
      if (!(name in TOOL_INPUTS)) return err(m.id, -32602, `Unknown tool: ${name}`);
      return { jsonrpc: '2.0', id: m.id, result: await callTool(name as ToolName, agent, m.params?.['arguments'] ?? {}) };
    }
    default:
      return err(m.id, -32601, `Method not found: ${m.method}`);
  }
}

/** One HTTP POST body (a message or a batch) → the HTTP answer: 200 JSON, or 202 when only notifications came. */
export async function handleMcpPost(body: unknown, agent: AgentPrincipal): Promise<{ status: number; body?: unknown }> {
  const batch = Array.isArray(body);
  const messages = (batch ? body : [body]) as Message[];
  if (messages.length === 0 || messages.some((x) => x === null || typeof x !== 'object')) return { status: 400, body: err(null, -32700, 'Parse error') };
  const replies = (await Promise.all(messages.map((x) => answer(x, agent)))).filter((r): r is Reply => r !== undefined);
  if (replies.length === 0) return { status: 202 };
  return { status: 200, body: batch ? replies : replies[0] };
}
