/**
 * `agentpay audit verify [--payment pay_…]` (API.md "Command line", DESIGN.md §7): re-hashes the
 * audit chain of one payment, or of every stream in the audit table, and prints
 * `{ "verified", "streams", "entries", "broken": [ { "stream", "broken_at", "reason" } ] }`.
 * Exit 0 when every chain verifies, 1 when any is tampered (or the table cannot be read), 2 for
 * bad input. Without an anchor (the head hash on the payment record) a deleted last entry is
 * invisible to this check; see core/audit/verify.ts.
 */
import type { AuditStreamLister } from '../../../functions/app/ports/audit-trail.js';
import { DynamoAuditTrail } from '../../../functions/adapters/dynamodb/audit-trail.js';
import { verifyChain, type AuditEntry, type ChainBreak } from '../../../functions/core/audit/index.js';
import { AwsTargetError, documentClientFor, resolveDynamoTarget } from '../aws-target.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, parseFlags, printError, printJson, type CliCommand, type CliIO } from '../io.js';

const USAGE = 'agentpay audit verify [--payment pay_…]';
const PAYMENT_ID = /^pay_[A-Za-z0-9_]+$/;
/** Streams verified at once in a full scan: enough to hide latency, gentle on the table. */
const PARALLEL = 8;

/** What verification needs from a store: the in-memory fake and the DynamoDB adapter both fit. */
export interface AuditReader extends AuditStreamLister {
  list(stream: string): Promise<AuditEntry[]>;
}

export interface AuditCommandDeps {
  /** Injected reader (tests); default: the DynamoDB audit table from {@link resolveDynamoTarget}. */
  readonly reader?: AuditReader;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface VerifyReport {
  verified: boolean;
  streams: number;
  entries: number;
  broken: Array<{ stream: string; broken_at: number; reason: ChainBreak }>;
}

/** Verifies `streams` through `reader`, a few at a time; the report lists breaks in stream order. */
export async function verifyStreams(reader: AuditReader, streams: readonly string[]): Promise<VerifyReport> {
  const results: Array<{ stream: string; count: number; check: ReturnType<typeof verifyChain> }> = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < streams.length) {
      const stream = streams[next++]!;
      const entries = await reader.list(stream);
      results.push({ stream, count: entries.length, check: verifyChain(entries) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, streams.length) }, worker));
  results.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  const broken = results.flatMap(({ stream, check }) =>
    check.verified ? [] : [{ stream, broken_at: check.broken_at ?? 0, reason: check.reason ?? 'hash_mismatch' }],
  );
  return { verified: broken.length === 0, streams: results.length, entries: results.reduce((n, r) => n + r.count, 0), broken };
}

/** The command's `run`, with its dependencies injectable (tests pass a reader or an env). */
export async function runAudit(argv: string[], io: CliIO, deps: AuditCommandDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') {
    printError(io, 'invalid_request', sub === undefined ? 'missing subcommand' : `unknown subcommand ${JSON.stringify(sub)}`, { usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  const { flags, positional, unknown } = parseFlags(rest, ['payment']);
  if (unknown.length > 0 || positional.length > 0) {
    const what = unknown.length > 0 ? `unknown option --${unknown[0]}` : `unexpected argument ${JSON.stringify(positional[0])}`;
    printError(io, 'invalid_request', what, { usage: USAGE, ...(unknown[0] !== undefined && { param: unknown[0] }) });
    return EXIT_BAD_INPUT;
  }
  const payment = flags.payment;
  if (payment !== undefined && (typeof payment !== 'string' || !PAYMENT_ID.test(payment))) {
    printError(io, 'invalid_request', '--payment must be a payment id (pay_…)', { param: 'payment', usage: USAGE });
    return EXIT_BAD_INPUT;
  }

  let reader = deps.reader;
  let close = (): void => {};
  try {
    if (reader === undefined) {
      const target = await resolveDynamoTarget('audit', {
        ...(deps.env !== undefined && { env: deps.env }),
        ...(io.readFile !== undefined && { readFile: io.readFile.bind(io) }),
      });
      const doc = documentClientFor(target);
      close = () => doc.destroy();
      reader = new DynamoAuditTrail(doc, target.tableName);
    }
    const streams = typeof payment === 'string' ? [payment] : await reader.listStreams();
    const report = await verifyStreams(reader, streams);
    if (typeof payment === 'string' && report.entries === 0) {
      printError(io, 'not_found', `no audit entries for ${payment}`, { param: 'payment' });
      return EXIT_FAILURE;
    }
    printJson(io, report);
    return report.verified ? EXIT_OK : EXIT_FAILURE;
  } catch (e) {
    if (e instanceof AwsTargetError) printError(io, 'not_configured', e.message);
    else printError(io, 'internal_error', e instanceof Error ? `${e.name}: ${e.message}` : 'unexpected failure');
    return EXIT_FAILURE;
  } finally {
    close();
  }
}

export const command: CliCommand = {
  summary: 'Re-hash the audit chains and report any tampering',
  usage: USAGE,
  run: (argv, io) => runAudit(argv, io),
};
