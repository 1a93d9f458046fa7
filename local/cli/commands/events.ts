/**
 * `agentpay events test-pattern --pattern '<json>' --event '<json>'`: the local stand-in for
 * EventBridge's TestEventPattern. Prints `{ "result": true|false }` and exits 0; a pattern or
 * event that is not JSON, or a pattern EventBridge would reject, exits 2 with
 * `{"error":{"code":"invalid_pattern","message":...,"path":...}}` on stderr.
 */
import { InvalidPatternError, compilePattern } from '../../../functions/core/event-pattern/index.js';
import type { CliCommand, CliIO } from '../io.js';
import { EXIT_BAD_INPUT, EXIT_OK, parseFlags, printError, printJson } from '../io.js';

const USAGE = "agentpay events test-pattern --pattern '<event pattern JSON>' --event '<event JSON>'";

function parseJson(io: CliIO, flag: string, text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    // The contract reports any unparseable input as invalid_pattern; the message names the flag.
    printError(io, 'invalid_pattern', `--${flag} is not valid JSON: ${(err as Error).message}`, { path: '' });
    return { ok: false };
  }
}

async function testPattern(argv: string[], io: CliIO): Promise<number> {
  const { flags, positional, unknown } = parseFlags(argv, ['pattern', 'event']);
  if (unknown.length > 0 || positional.length > 0) {
    const what = unknown.length > 0 ? `unknown or incomplete flag --${unknown[0]}` : `unexpected argument ${positional[0]}`;
    printError(io, 'invalid_request', `${what}; usage: ${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const patternText = flags.pattern;
  const eventText = flags.event;
  if (typeof patternText !== 'string' || typeof eventText !== 'string') {
    printError(io, 'invalid_request', `--pattern and --event are both required; usage: ${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const pattern = parseJson(io, 'pattern', patternText);
  if (!pattern.ok) return EXIT_BAD_INPUT;
  const event = parseJson(io, 'event', eventText);
  if (!event.ok) return EXIT_BAD_INPUT;

  let matcher: (event: unknown) => boolean;
  try {
    matcher = compilePattern(pattern.value);
  } catch (err) {
    if (!(err instanceof InvalidPatternError)) throw err;
    printError(io, 'invalid_pattern', err.message, { path: err.path });
    return EXIT_BAD_INPUT;
  }
  printJson(io, { result: matcher(event.value) });
  return EXIT_OK;
}

export const command: CliCommand = {
  summary: 'Test an EventBridge event pattern against an event, as TestEventPattern would',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'test-pattern') return testPattern(rest, io);
    printError(io, 'invalid_request', `${sub === undefined ? 'missing subcommand' : `unknown subcommand ${sub}`}; usage: ${USAGE}`);
    return EXIT_BAD_INPUT;
  },
};
