import { readFile, writeFile } from 'node:fs/promises';
import { parseScenario } from '../../../functions/core/lab/scenario.js';
import { runSimulation } from '../../../functions/core/lab/simulate.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, parseFlags, printError, printJson, type CliCommand, type CliIO } from '../io.js';

const USAGE = 'agentpay simulate --scenario <file.json> [--seed N] [--out report.json]';

/**
 * `agentpay simulate` (DESIGN.md §6): validates a v1 scenario, replays it through every routing
 * strategy and prints the report. Bad input (flags, unreadable JSON, a schema violation with its
 * field path) exits 2; decisions are timed here with `performance.now`, the core stays pure.
 */
export const command: CliCommand = {
  summary: 'replay a routing scenario through the agent and baseline strategies',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { flags, positional, unknown } = parseFlags(argv, ['scenario', 'seed', 'out']);
    if (unknown.length > 0 || positional.length > 0) {
      printError(io, 'invalid_request', `unexpected argument: ${[...unknown.map((u) => `--${u}`), ...positional].join(' ')}`, { usage: USAGE });
      return EXIT_BAD_INPUT;
    }
    const file = flags.scenario;
    if (typeof file !== 'string') {
      printError(io, 'invalid_request', '--scenario <file.json> is required', { param: 'scenario', usage: USAGE });
      return EXIT_BAD_INPUT;
    }
    let seed: number | undefined;
    if (flags.seed !== undefined) {
      seed = Number(flags.seed);
      if (typeof flags.seed !== 'string' || !/^-?\d+$/.test(flags.seed) || !Number.isSafeInteger(seed)) {
        printError(io, 'invalid_request', '--seed must be an integer', { param: 'seed' });
        return EXIT_BAD_INPUT;
      }
    }
    let text: string;
    try {
      text = await (io.readFile ?? ((p: string) => readFile(p, 'utf8')))(file);
    } catch (e) {
      printError(io, 'invalid_request', `cannot read scenario ${file}: ${e instanceof Error ? e.message : String(e)}`, { param: 'scenario' });
      return EXIT_BAD_INPUT;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      printError(io, 'invalid_scenario', `scenario is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { path: '(json)' });
      return EXIT_BAD_INPUT;
    }
    const parsed = parseScenario(json);
    if (!parsed.ok) {
      printError(io, 'invalid_scenario', `${parsed.path}: ${parsed.message}`, { path: parsed.path });
      return EXIT_BAD_INPUT;
    }
    const report = runSimulation(parsed.value, { ...(seed !== undefined ? { seed } : {}), now: () => performance.now() });
    if (typeof flags.out === 'string') {
      try {
        await (io.writeFile ?? ((p: string, c: string) => writeFile(p, c)))(flags.out, `${JSON.stringify(report, null, 2)}\n`);
      } catch (e) {
        printError(io, 'write_failed', `cannot write ${flags.out}: ${e instanceof Error ? e.message : String(e)}`);
        return EXIT_FAILURE;
      }
    }
    printJson(io, report);
    return EXIT_OK;
  },
};
