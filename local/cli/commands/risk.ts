import { readFile, writeFile } from 'node:fs/promises';
import { parseBacktestLine, type BacktestLine } from '../../../functions/core/lab/backtest-line.js';
import { runBacktest } from '../../../functions/core/lab/backtest.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, parseFlags, printError, printJson, type CliCommand, type CliIO } from '../io.js';

const USAGE = 'agentpay risk backtest --input <tx.jsonl> [--out scores.jsonl] [--label-delay N] [--summary]';

/**
 * `agentpay risk backtest` (DESIGN.md §6). Scores each line before its label is learnt (labels
 * arrive `--label-delay` lines later, default 100) and writes `{id, score, outcome, reasons}`
 * lines to `--out` or stdout. The summary (ROC AUC, recall at 1 % FPR, legit decline rate) goes
 * to stderr; with `--summary` it goes to stdout instead of the score lines.
 */
export const command: CliCommand = {
  summary: 'replay labelled transactions through the risk agent and report its accuracy',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub !== 'backtest') {
      printError(io, 'invalid_request', `unknown risk subcommand: ${sub ?? '(none)'}`, { usage: USAGE });
      return EXIT_BAD_INPUT;
    }
    const { flags, positional, unknown } = parseFlags(rest, ['input', 'out', 'label-delay'], ['summary']);
    if (unknown.length > 0 || positional.length > 0) {
      printError(io, 'invalid_request', `unexpected argument: ${[...unknown.map((u) => `--${u}`), ...positional].join(' ')}`, { usage: USAGE });
      return EXIT_BAD_INPUT;
    }
    if (typeof flags.input !== 'string') {
      printError(io, 'invalid_request', '--input <tx.jsonl> is required', { param: 'input', usage: USAGE });
      return EXIT_BAD_INPUT;
    }
    let labelDelay = 100;
    if (flags['label-delay'] !== undefined) {
      const raw = String(flags['label-delay']);
      labelDelay = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(labelDelay)) {
        printError(io, 'invalid_request', '--label-delay must be a non-negative integer', { param: 'label-delay' });
        return EXIT_BAD_INPUT;
      }
    }
    let text: string;
    try {
      text = await (io.readFile ?? ((p: string) => readFile(p, 'utf8')))(flags.input);
    } catch (e) {
      printError(io, 'invalid_request', `cannot read ${flags.input}: ${e instanceof Error ? e.message : String(e)}`, { param: 'input' });
      return EXIT_BAD_INPUT;
    }
    const lines: BacktestLine[] = [];
    const raw = text.split('\n');
    for (let i = 0; i < raw.length; i++) {
      const t = raw[i]!.trim();
      if (t === '') continue;
      const p = parseBacktestLine(t);
      if (!p.ok) {
        printError(io, 'invalid_line', `line ${i + 1}: ${p.path}: ${p.message}`, { line: i + 1, field: p.path });
        return EXIT_BAD_INPUT;
      }
      lines.push(p.value);
    }
    const result = runBacktest(lines, { label_delay: labelDelay });
    const jsonl = result.outputs.map((o) => JSON.stringify(o)).join('\n') + (result.outputs.length > 0 ? '\n' : '');
    if (typeof flags.out === 'string') {
      try {
        await (io.writeFile ?? ((p: string, c: string) => writeFile(p, c)))(flags.out, jsonl);
      } catch (e) {
        printError(io, 'write_failed', `cannot write ${flags.out}: ${e instanceof Error ? e.message : String(e)}`);
        return EXIT_FAILURE;
      }
    }
    if (flags.summary === true) printJson(io, result.summary);
    else {
      if (typeof flags.out !== 'string') io.stdout(jsonl);
      io.stderr(`${JSON.stringify({ summary: result.summary })}\n`);
    }
    return EXIT_OK;
  },
};
