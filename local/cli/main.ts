/**
 * `agentpay` — the command line of API.md. Each subcommand is a module under commands/ exporting
 * `command: CliCommand`; this file only dispatches and prints help.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { CliCommand, CliIO } from './io.js';
import { EXIT_BAD_INPUT, printError } from './io.js';

/** Subcommand name → module path (loaded on demand so `--help` is instant). */
const COMMANDS: Record<string, string> = {
  pix: './commands/pix.js',
  simulate: './commands/simulate.js',
  risk: './commands/risk.js',
  audit: './commands/audit.js',
  reconcile: './commands/reconcile.js',
  events: './commands/events.js',
  mcp: './commands/mcp.js',
};

async function load(name: string): Promise<CliCommand | undefined> {
  const path = COMMANDS[name];
  if (!path) return undefined;
  try {
    return ((await import(path)) as { command: CliCommand }).command;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

async function help(io: CliIO): Promise<void> {
  const lines = ['agentpay — Smart-Agent-Pay command line (JSON on stdout; errors as JSON on stderr; exit 2 = bad input, 1 = failure)', '', 'Commands:'];
  for (const name of Object.keys(COMMANDS)) {
    const c = await load(name);
    if (!c) continue;
    const [first = '', ...more] = c.usage.replace(/^agentpay /, '').split('\n');
    lines.push(`  ${first}`, ...more.map((m) => `  ${m.replace(/^agentpay /, '')}`), `      ${c.summary}`);
  }
  lines.push('', 'Run `agentpay <command> --help` for details.');
  io.stdout(`${lines.join('\n')}\n`);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help(io);
    return 0;
  }
  const cmd = await load(name);
  if (!cmd) {
    printError(io, 'invalid_request', `unknown command: ${name} (see agentpay --help)`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: ${cmd.usage.startsWith('agentpay') ? '' : 'agentpay '}${cmd.usage}\n${cmd.summary}\n`);
    return 0;
  }
  return cmd.run(rest, io);
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readFile: (p) => readFile(p, 'utf8'),
  writeFile: (p, c) => writeFile(p, c),
};
