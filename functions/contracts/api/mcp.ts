/** The MCP endpoint's envelope (JSON-RPC 2.0, MCP Streamable HTTP transport, JSON responses). */
import * as z from 'zod';

export const mcpRequestSchema = z
  .object({ jsonrpc: z.literal('2.0'), method: z.string(), id: z.union([z.string(), z.number()]).optional(), params: z.unknown().optional() })
  .meta({ id: 'McpRequest', description: 'A JSON-RPC 2.0 message of the Model Context Protocol (tools/list, tools/call, …)', example: { jsonrpc: '2.0', id: 1, method: 'tools/list' } });

export const mcpResponseSchema = z
  .object({ jsonrpc: z.literal('2.0'), id: z.union([z.string(), z.number()]).nullable().optional(), result: z.unknown().optional(), error: z.unknown().optional() })
  .meta({ id: 'McpResponse', example: { jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'create_quote' }] } } });
