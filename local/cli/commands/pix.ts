/**
 * `agentpay pix decode <payload>` and `agentpay pix static --key … --name … --city …` (API.md
 * "Command line"). JSON on stdout; bad input → exit 2 with a JSON error on stderr.
 */
import {
  BrCodeError,
  PixKeyError,
  decodeBrCode,
  encodeBrCode,
  type StaticBrCodeInput,
} from '../../../functions/core/pix/index.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, parseFlags, printError, printJson, type CliCommand, type CliIO } from '../io.js';

const USAGE = [
  'agentpay pix decode <payload>',
  'agentpay pix static --key <pix key> [--amount <centavos>] --name <merchant name> --city <city> [--txid <txid>] [--description <text>]',
].join('\n');

/** Encoder field → the CLI flag that feeds it, so errors name what the user typed. */
const FLAG_OF_FIELD: Record<string, string> = {
  '26.01': 'key', '26.02': 'description', '54': 'amount', '59': 'name', '60': 'city', '62.05': 'txid', '26': 'description',
};

function decode(argv: string[], io: CliIO): number {
  const { positional, unknown } = parseFlags(argv, []);
  if (unknown.length > 0) {
    printError(io, 'invalid_request', `unknown option --${unknown[0]}`, { param: unknown[0], usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  if (positional.length === 0) {
    printError(io, 'invalid_request', 'missing <payload>', { param: 'payload', usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  // An unquoted payload is split by the shell at its spaces ("Fulano de Tal"); joining the words
  // with one space restores it whenever the payload had single spaces, and the CRC proves it.
  const payload = positional.join(' ');
  try {
    printJson(io, decodeBrCode(payload));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof BrCodeError) {
      printError(io, 'invalid_brcode', e.message, { field: e.field });
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

function encodeStatic(argv: string[], io: CliIO): number {
  const { flags, positional, unknown } = parseFlags(argv, ['key', 'amount', 'name', 'city', 'txid', 'description']);
  const bad = (message: string, param: string, extra: Record<string, unknown> = {}): number => {
    printError(io, 'invalid_request', message, { param, ...extra });
    return EXIT_BAD_INPUT;
  };
  if (unknown.length > 0) return bad(`unknown or incomplete option --${unknown[0]}`, unknown[0]!, { usage: USAGE });
  if (positional.length > 0) return bad(`unexpected argument ${JSON.stringify(positional[0])}`, 'argv', { usage: USAGE });
  const str = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  for (const name of ['key', 'name', 'city']) {
    if (str(name) === undefined) return bad(`--${name} is required`, name, { usage: USAGE });
  }
  const input: StaticBrCodeInput = { kind: 'static', key: str('key')!, merchantName: str('name')!, merchantCity: str('city')! };
  const amount = str('amount');
  if (amount !== undefined) {
    // Integer centavos, as everywhere in the API (API.md "Money"): "1050" is R$ 10,50.
    if (!/^\d{1,15}$/.test(amount)) return bad('--amount is an integer number of centavos, e.g. 1050 for R$ 10,50', 'amount');
    input.amount = Number(amount);
  }
  const txid = str('txid');
  if (txid !== undefined) input.txid = txid;
  const description = str('description');
  if (description !== undefined) input.additionalInfo = description;
  try {
    printJson(io, { payload: encodeBrCode(input) });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof PixKeyError) return bad(e.message, 'key', { expected_type: e.expectedType });
    if (e instanceof BrCodeError) return bad(e.message, FLAG_OF_FIELD[e.field] ?? e.field, { field: e.field });
    throw e;
  }
}

export const command: CliCommand = {
  summary: 'Decode a BR Code or build a static one',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv;
    try {
      if (sub === 'decode') return decode(rest, io);
      if (sub === 'static') return encodeStatic(rest, io);
    } catch (e) {
      printError(io, 'internal_error', e instanceof Error ? e.message : 'unexpected failure');
      return EXIT_FAILURE;
    }
    printError(io, 'invalid_request', sub === undefined ? 'missing subcommand' : `unknown subcommand ${JSON.stringify(sub)}`, { usage: USAGE });
    return EXIT_BAD_INPUT;
  },
};
