/**
 * The CLI's contract (API.md "Command line"): JSON on stdout; errors as JSON on stderr with exit
 * code 2 for bad input and 1 for failures. Every subcommand is a module under `commands/` that
 * exports `run(argv, io)` and a one-line `summary`, so it can be tested without a process.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file relative to the working directory (injected so tests can give contents). */
  readFile?(path: string): Promise<string>;
  writeFile?(path: string, contents: string): Promise<void>;
}

export type CliCommand = {
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
};

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function printError(io: CliIO, code: string, message: string, extra: Record<string, unknown> = {}): void {
  io.stderr(`${JSON.stringify({ error: { code, message, ...extra } })}\n`);
}

/** Minimal `--flag value` / `--flag=value` / positional parser; unknown flags are reported. */
export function parseFlags(
  argv: readonly string[],
  known: readonly string[],
  booleans: readonly string[] = [],
): { flags: Record<string, string | true>; positional: string[]; unknown: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (booleans.includes(name)) { flags[name] = true; continue; }
    if (!known.includes(name)) { unknown.push(name); continue; }
    if (eq > 0) flags[name] = arg.slice(eq + 1);
    else if (i + 1 < argv.length) flags[name] = argv[++i]!;
    else unknown.push(name);
  }
  return { flags, positional, unknown };
}
