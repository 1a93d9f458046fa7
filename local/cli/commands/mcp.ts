/**
 * `agentpay mcp` — the MCP server on stdio for one agent: `--key ak_…` (or AGENTPAY_API_KEY). The
 * tools run in this process against the same use cases as the API, so the handlers' environment
 * must be set (PLATFORM_TABLE etc., as on AWS; locally the values `npm start` uses).
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, parseFlags, printError, type CliCommand, type CliIO } from '../io.js';

const USAGE = 'agentpay mcp [--key <ak_… agent key>]   (or AGENTPAY_API_KEY; needs the handlers’ environment: PLATFORM_TABLE, …)';

/** Starts the server on `transport` for the agent behind `key`; resolves when the server is connected. */
export async function startMcp(key: string, transport: Transport): Promise<{ close(): Promise<void> } | { error: string }> {
  const [{ authenticate }, { merchantStore, cfg }, { agentPayMcpServer }] = await Promise.all([
    import('../../../functions/app/authenticate.js'),
    import('../../../functions/handlers/root.js'),
    import('../../../functions/handlers/mcp/server.js'),
  ]);
  const auth = await authenticate(`Bearer ${key}`, { merchants: merchantStore(), adminKeySha256: cfg().ADMIN_KEY_SHA256 });
  if (!auth.ok || auth.principal.kind !== 'agent') return { error: auth.ok ? 'the MCP server needs an agent key (ak_…)' : `authentication failed: ${auth.reason}` };
  const p = auth.principal;
  const server = agentPayMcpServer({ merchantId: p.merchantId, agentId: p.agentId, mandateId: p.mandateId, keyId: p.keyId });
  await server.connect(transport);
  return { close: () => server.close() };
}

async function run(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { flags, positional, unknown } = parseFlags(argv, ['key']);
  if (unknown.length > 0 || positional.length > 0) {
    printError(io, 'invalid_request', `unexpected argument ${unknown[0] ? `--${unknown[0]}` : positional[0]}`, { usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  const key = typeof flags['key'] === 'string' ? flags['key'] : env['AGENTPAY_API_KEY'];
  if (!key) {
    printError(io, 'invalid_request', 'an agent key is required (--key or AGENTPAY_API_KEY)', { param: 'key', usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  if (!env['PLATFORM_TABLE']) {
    printError(io, 'invalid_request', 'the handlers’ environment is not set (PLATFORM_TABLE, …): run where the API runs, or export its variables', { param: 'PLATFORM_TABLE' });
    return EXIT_BAD_INPUT;
  }
  const started = await startMcp(key, new StdioServerTransport());
  if ('error' in started) {
    printError(io, 'authentication_required', started.error);
    return EXIT_FAILURE;
  }
  // Serve until stdin closes (the client went away).
  await new Promise<void>((resolve) => process.stdin.once('close', resolve));
  await started.close();
  return 0;
}

export const command: CliCommand = { summary: 'MCP server on stdio for an agent (tools: quotes, payments, refunds, Pix, BR Code, explanations)', usage: USAGE, run: (argv, io) => run(argv, io) };
export { run as runMcp };
