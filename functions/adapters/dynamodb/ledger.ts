/**
 * {@link Ledger} on the DynamoDB ledger table (contracts/tables.ts LEDGER_TABLE):
 * - entry item `pk = ENTRY#<id>`, `sk = ENTRY`, `gsi1pk = MERCHANT#<merchantId>`,
 *   `gsi1sk = <createdAt>#<id>` (per-merchant listing in time order);
 * - balance items `pk = BAL#<merchantId>`, `sk = <account>#<currency>`, updated with `ADD amount`;
 * all written in ONE TransactWriteItems whose entry Put is conditional on `attribute_not_exists(pk)`:
 * no partial entry, no double post, whatever is retried or raced.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Ledger, ListEntriesOptions } from '../../app/ports/ledger.js';
import { LEDGER_TABLE } from '../../contracts/tables.js';
import {
  LedgerConflictError,
  balanceKey,
  netPostings,
  sameEffect,
  validateEntry,
  type Balance,
  type JournalEntry,
} from '../../core/ledger/index.js';

const PK = LEDGER_TABLE.partitionKey.name;
const SK = requireKey(LEDGER_TABLE.sortKey?.name, 'sort key');
const GSI = requireKey(LEDGER_TABLE.gsis[0], 'gsi1');
const GSI_PK = GSI.partitionKey.name;
const GSI_SK = requireKey(GSI.sortKey?.name, 'gsi1 sort key');

/** Retries of a transaction cancelled only by contention (another transaction on a balance row). */
const MAX_ATTEMPTS = 10;
/** Codes that mean "someone else was busy with one of these items", not "this write is wrong". */
const TRANSIENT = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface DynamoLedgerOptions {
  /** Attempts for a contended transaction (default 10), with jittered exponential backoff. */
  readonly maxAttempts?: number;
}

export class DynamoLedger implements Ledger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: DynamoLedgerOptions = {},
  ) {}

  async post(entry: JournalEntry): Promise<'posted' | 'already_posted'> {
    validateEntry(entry);
    const input: TransactWriteCommandInput = {
      TransactItems: ledgerPutItems(this.tableName, entry),
      ClientRequestToken: clientRequestToken(entry.id),
    };
    const attempts = this.options.maxAttempts ?? MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand(input));
        return 'posted';
      } catch (err) {
        const codes = cancellationCodes(err);
        if (codes?.[0] === 'ConditionalCheckFailed') return this.#alreadyPosted(entry);
        const transient =
          errorName(err) === 'TransactionInProgressException' || (codes !== undefined && codes.some((c) => TRANSIENT.has(c)));
        if (!transient || attempt >= attempts) throw err;
        await sleep(backoffMs(attempt));
      }
    }
  }

  /** The entry exists: fine if it is this entry, a bug if the same id carries other money. */
  async #alreadyPosted(entry: JournalEntry): Promise<'already_posted'> {
    const stored = await this.getEntry(entry.id);
    if (stored === undefined || !sameEffect(stored, entry)) throw new LedgerConflictError(entry.id);
    return 'already_posted';
  }

  async getEntry(id: string): Promise<JournalEntry | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: entryPk(id), [SK]: ENTRY_SK }, ConsistentRead: true }),
    );
    return out.Item === undefined ? undefined : entryFromItem(out.Item);
  }

  async balances(merchantId: string): Promise<Balance[]> {
    const items = await this.#query({
      TableName: this.tableName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': PK },
      ExpressionAttributeValues: { ':pk': balancePk(merchantId) },
      ConsistentRead: true,
    });
    // Items come in sort-key order (`<account>#<currency>`), the order the port promises.
    return items.map((i) => ({ account: String(i.account), currency: String(i.currency), amount: Number(i.amount) }));
  }

  async listEntries(merchantId: string, opts: ListEntriesOptions = {}): Promise<JournalEntry[]> {
    // gsi1sk = `<createdAt>#<id>`: `>= from` keeps createdAt == from; `BETWEEN from AND to` drops
    // createdAt == to (its key `<to>#…` sorts after `<to>`), so `to` is exclusive as promised.
    const range =
      opts.from !== undefined && opts.to !== undefined
        ? ' AND #sk BETWEEN :from AND :to'
        : opts.from !== undefined
          ? ' AND #sk >= :from'
          : opts.to !== undefined
            ? ' AND #sk < :to'
            : '';
    const items = await this.#query(
      {
        TableName: this.tableName,
        IndexName: GSI.indexName,
        KeyConditionExpression: `#pk = :pk${range}`,
        ExpressionAttributeNames: { '#pk': GSI_PK, ...(range && { '#sk': GSI_SK }) },
        ExpressionAttributeValues: {
          ':pk': merchantPk(merchantId),
          ...(opts.from !== undefined && { ':from': opts.from }),
          ...(opts.to !== undefined && { ':to': opts.to }),
        },
      },
      opts.limit,
    );
    return items.map(entryFromItem);
  }

  async #query(input: QueryCommandInput, limit?: number): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const remaining = limit === undefined ? undefined : limit - items.length;
      if (remaining !== undefined && remaining <= 0) break;
      const out = await this.doc.send(
        new QueryCommand({ ...input, ...(remaining !== undefined && { Limit: remaining }), ExclusiveStartKey: start }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  }
}

const ENTRY_SK = 'ENTRY';
const entryPk = (id: string): string => `ENTRY#${id}`;
const balancePk = (merchantId: string): string => `BAL#${merchantId}`;
const merchantPk = (merchantId: string): string => `MERCHANT#${merchantId}`;

/**
 * The TransactWriteItems entries that post `entry` (validated first): the conditional entry Put
 * first — callers read cancellation reason 0 as "already posted" — then one balance update per
 * (account, currency) (a transaction may not touch one item twice, so repeated accounts are
 * merged). Exported so a use case can post an entry inside its own transaction (state change +
 * ledger + outbox in one round trip); it holds 1 + distinct (account, currency) items ≤ 41.
 */
export function ledgerPutItems(tableName: string, entry: JournalEntry): TransactItem[] {
  validateEntry(entry);
  const entryItem = {
    [PK]: entryPk(entry.id),
    [SK]: ENTRY_SK,
    [GSI_PK]: merchantPk(entry.merchantId),
    [GSI_SK]: `${entry.createdAt}#${entry.id}`,
    id: entry.id,
    merchantId: entry.merchantId,
    createdAt: entry.createdAt,
    description: entry.description,
    reference: { type: entry.reference.type, id: entry.reference.id },
    postings: entry.postings.map((p) => ({ account: p.account, currency: p.currency, amount: p.amount })),
  };
  return [
    {
      Put: {
        TableName: tableName,
        Item: entryItem,
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': PK },
      },
    },
    ...netPostings(entry).map(
      (n): TransactItem => ({
        Update: {
          TableName: tableName,
          Key: { [PK]: balancePk(entry.merchantId), [SK]: balanceKey(n.account, n.currency) },
          UpdateExpression: 'SET #account = :account, #currency = :currency, #merchant = :merchant ADD #amount :amount',
          ExpressionAttributeNames: { '#account': 'account', '#currency': 'currency', '#merchant': 'merchantId', '#amount': 'amount' },
          ExpressionAttributeValues: { ':account': n.account, ':currency': n.currency, ':merchant': entry.merchantId, ':amount': n.amount },
        },
      }),
    ),
  ];
}

/**
 * ClientRequestToken (≤ 36 chars): 24 hex of SHA-256(entry id) — which entry this is, visible in
 * CloudTrail — plus a per-call nonce. The SDK re-sends the same input (same token) on its own
 * retries, so a retry after a lost response is acknowledged instead of refused. The nonce scopes
 * that to one `post` call on purpose: a token of the id alone makes DynamoDB answer a *second*
 * post of the same entry within its 10-minute window with a replayed success (we could not
 * report `already_posted`) and a same-id/different-postings post with
 * IdempotentParameterMismatch instead of a readable condition failure. At-most-once never
 * depends on the token: the conditional Put guarantees it.
 */
function clientRequestToken(id: string): string {
  return `${createHash('sha256').update(id).digest('hex').slice(0, 24)}-${randomBytes(5).toString('hex')}`;
}

function entryFromItem(item: Record<string, unknown>): JournalEntry {
  const reference = item.reference as { type: string; id: string };
  const postings = item.postings as Array<{ account: string; currency: string; amount: number }>;
  return {
    id: String(item.id),
    merchantId: String(item.merchantId),
    createdAt: String(item.createdAt),
    description: String(item.description),
    reference: { type: reference.type, id: reference.id },
    postings: postings.map((p) => ({ account: p.account, currency: p.currency, amount: Number(p.amount) })),
  };
}

function requireKey<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`LEDGER_TABLE contract has no ${what}`);
  return value;
}

// Reading transaction failures. `CancellationReasons` is positional: reason i belongs to item i.
// (The audit adapter keeps its own copy: each adapter file stands alone.)

/** The error's name (SDK v3 exceptions carry it as `name`). */
function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : undefined;
}

/** Reason codes of a cancelled transaction (`'None'` for items that were fine), else undefined. */
function cancellationCodes(err: unknown): string[] | undefined {
  if (errorName(err) !== 'TransactionCanceledException') return undefined;
  const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

/**
 * Full-jitter exponential backoff (10 ms · 2^attempt, capped at 400 ms): contending writers
 * spread out instead of colliding again in lock step.
 */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(400, 10 * 2 ** attempt);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
