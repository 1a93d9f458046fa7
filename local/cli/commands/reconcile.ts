/**
 * `agentpay reconcile --from <time> --to <time>` (API.md "Command line"): matches the card
 * processors' records in the window to the ledger's capture entries and prints
 * `{ from, to, sources, matched, discrepancies: { total, by_kind }, items }`. Read-only: it neither
 * stores a report nor announces events (the CardReconciliation schedule does). Processors come
 * from the environment (`STRIPE_API_KEY` [+ `STRIPE_API_BASE`], `ADYEN_CHECKOUT_BASE`), the ledger
 * from {@link resolveDynamoTarget}. Exit 2 for bad input, 1 when a source cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { AdyenSettlementRecords } from '../../../functions/adapters/adyen/settlement.js';
import { DynamoDbLedgerRecords } from '../../../functions/adapters/dynamodb/ledger-records.js';
import { StripeBalanceRecords } from '../../../functions/adapters/stripe/balance-transactions.js';
import { reconcileCards } from '../../../functions/app/agents/reconcile-cards.js';
import type { LedgerRecordSource, ProcessorRecordSource } from '../../../functions/app/ports/reconciliation.js';
import { AwsTargetError, documentClientFor, resolveDynamoTarget, RUNTIME_FILE } from '../aws-target.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, parseFlags, printError, printJson, type CliCommand, type CliIO } from '../io.js';

const USAGE = 'agentpay reconcile --from <RFC 3339> --to <RFC 3339>';

export interface ReconcileCommandDeps {
  readonly sources?: readonly ProcessorRecordSource[];
  readonly ledger?: LedgerRecordSource;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
}

async function sandboxEnvFromRuntimeFile(): Promise<Record<string, string>> {
  try {
    const f = JSON.parse(await readFile(RUNTIME_FILE, 'utf8')) as { sandboxEnv?: Record<string, string> };
    return f.sandboxEnv ?? {};
  } catch {
    return {};
  }
}

function sourcesFromEnv(env: Readonly<Record<string, string | undefined>>): ProcessorRecordSource[] {
  const out: ProcessorRecordSource[] = [];
  if (env.STRIPE_API_KEY) out.push(new StripeBalanceRecords({ apiKey: env.STRIPE_API_KEY, ...(env.STRIPE_API_BASE ? { apiBase: env.STRIPE_API_BASE } : {}) }));
  if (env.ADYEN_CHECKOUT_BASE) out.push(new AdyenSettlementRecords({ baseUrl: env.ADYEN_CHECKOUT_BASE }));
  return out;
}

const instant = (s: string | true | undefined): Date | undefined => {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

export async function runReconcile(argv: string[], io: CliIO, deps: ReconcileCommandDeps = {}): Promise<number> {
  const { flags, positional, unknown } = parseFlags(argv, ['from', 'to']);
  if (unknown.length > 0 || positional.length > 0) {
    printError(io, 'invalid_request', `unexpected argument: ${[...unknown.map((u) => `--${u}`), ...positional].join(' ')}`, { usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  const from = instant(flags.from);
  const to = instant(flags.to);
  if (!from || !to) {
    printError(io, 'invalid_request', '--from and --to must be RFC 3339 times', { param: from ? 'to' : 'from', usage: USAGE });
    return EXIT_BAD_INPUT;
  }
  if (to.getTime() <= from.getTime()) {
    printError(io, 'invalid_request', '--to must be after --from', { param: 'to' });
    return EXIT_BAD_INPUT;
  }
  // Against `npm start`, the sandboxes' endpoints come from the runtime file when the env lacks them.
  const env = deps.env ?? { ...(await sandboxEnvFromRuntimeFile()), ...process.env };
  const sources = deps.sources ?? sourcesFromEnv(env);
  if (sources.length === 0) {
    printError(io, 'invalid_request', 'no processor configured: set STRIPE_API_KEY (and STRIPE_API_BASE) or ADYEN_CHECKOUT_BASE');
    return EXIT_BAD_INPUT;
  }
  let ledger = deps.ledger;
  let close: (() => void) | undefined;
  try {
    if (!ledger) {
      const target = await resolveDynamoTarget('ledger', { env });
      const client = documentClientFor(target);
      close = () => client.destroy();
      ledger = new DynamoDbLedgerRecords(client, target.tableName);
    }
    const r = await reconcileCards({ from, to }, { sources, ledger, now: (deps.now ?? (() => new Date()))() });
    printJson(io, { from: r.from, to: r.to, sources: r.sources, matched: r.matched, discrepancies: r.discrepancies, items: r.items });
    return EXIT_OK;
  } catch (e) {
    printError(io, e instanceof AwsTargetError ? 'no_target' : 'reconcile_failed', e instanceof Error ? e.message : String(e));
    return EXIT_FAILURE;
  } finally {
    close?.();
  }
}

export const command: CliCommand = {
  summary: 'match card processor records to the ledger and report discrepancies',
  usage: USAGE,
  run: (argv, io) => runReconcile(argv, io),
};
