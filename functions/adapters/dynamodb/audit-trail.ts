/**
 * {@link AuditTrail} on the audit table (contracts/tables.ts AUDIT_TABLE: partition = stream,
 * sort = seq). One item per entry; `data` is stored as its RFC 8785 canonical JSON text, so what
 * is read back hashes exactly as it was written (no marshalling of empty sets, undefined members
 * or number formats in between). A fork is impossible: every new item is conditional on
 * `attribute_not_exists(seq)`, so of two appenders that read the same head only one gets seq n+1.
 */
import {
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { AuditAppendContentionError, type AuditStreamLister, type AuditTrail } from '../../app/ports/audit-trail.js';
import { AUDIT_TABLE } from '../../contracts/tables.js';
import { canonicalJson } from '../../core/canonical-json.js';
import {
  GENESIS_HEAD,
  assertAppendable,
  chainEntries,
  headOf,
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
} from '../../core/audit/index.js';

const STREAM = AUDIT_TABLE.partitionKey.name;
const SEQ = AUDIT_TABLE.sortKey?.name ?? 'seq';

/** Enough for a burst of concurrent appenders on one payment; each loser backs off with jitter. */
const MAX_ATTEMPTS = 20;
/** Cancellation codes that mean "the head moved or someone was mid-write": re-read and retry. */
const RETRYABLE = new Set(['ConditionalCheckFailed', 'TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface AuditPutItems {
  /** Conditional Puts, one per draft, in seq order. */
  readonly items: TransactItem[];
  /** The stream's head once these items are written. */
  readonly head: AuditHead;
  readonly entries: AuditEntry[];
}

/**
 * The TransactWriteItems entries that append `drafts` after `head` (undefined = empty stream),
 * each conditional on its seq being free. A use case puts them in its own transaction next to
 * its state change (one round trip for change + audit); if that transaction is cancelled with
 * `ConditionalCheckFailed` on one of these items, the stream moved: re-read the head
 * ({@link DynamoAuditTrail.head}) and rebuild. Throws RangeError for 0 or more than 100 drafts.
 */
export function auditPutItems(
  tableName: string,
  stream: string,
  head: AuditHead | undefined,
  drafts: readonly AuditDraft[],
): AuditPutItems {
  assertAppendable(drafts);
  const entries = chainEntries(head, drafts);
  const items = entries.map(
    (e): TransactItem => ({
      Put: {
        TableName: tableName,
        Item: {
          [STREAM]: stream,
          [SEQ]: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          data: canonicalJson(e.data),
          prev_hash: e.prev_hash,
          hash: e.hash,
        },
        ConditionExpression: 'attribute_not_exists(#seq)',
        ExpressionAttributeNames: { '#seq': SEQ },
      },
    }),
  );
  return { items, head: headOf(entries, head ?? GENESIS_HEAD), entries };
}

export interface DynamoAuditTrailOptions {
  /** Attempts when concurrent appenders take the seq first (default 20). */
  readonly maxAttempts?: number;
}

export class DynamoAuditTrail implements AuditTrail, AuditStreamLister {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: DynamoAuditTrailOptions = {},
  ) {}

  async append(stream: string, drafts: readonly AuditDraft[]): Promise<AuditHead> {
    assertAppendable(drafts);
    const attempts = this.options.maxAttempts ?? MAX_ATTEMPTS;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const { items, head } = auditPutItems(this.tableName, stream, await this.head(stream), drafts);
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return head;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (codes === undefined || !codes.some((c) => RETRYABLE.has(c))) throw err;
        await sleep(backoffMs(attempt));
      }
    }
    throw new AuditAppendContentionError(stream, attempts);
  }

  /** The stream's last link, read consistently (undefined for an empty stream). */
  async head(stream: string): Promise<AuditHead | undefined> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#stream = :stream',
        ExpressionAttributeNames: { '#stream': STREAM, '#seq': SEQ, '#hash': 'hash' },
        ExpressionAttributeValues: { ':stream': stream },
        ProjectionExpression: '#seq, #hash',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item === undefined ? undefined : { seq: Number(item[SEQ]), hash: String(item.hash) };
  }

  async list(stream: string): Promise<AuditEntry[]> {
    const input: QueryCommandInput = {
      TableName: this.tableName,
      KeyConditionExpression: '#stream = :stream',
      ExpressionAttributeNames: { '#stream': STREAM },
      ExpressionAttributeValues: { ':stream': stream },
      ConsistentRead: true,
    };
    const entries: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      entries.push(...(out.Items ?? []).map(entryFromItem));
      start = out.LastEvaluatedKey;
    } while (start !== undefined);
    return entries;
  }

  async listStreams(): Promise<string[]> {
    const streams = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new ScanCommand({
          TableName: this.tableName,
          ProjectionExpression: '#stream',
          ExpressionAttributeNames: { '#stream': STREAM },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) streams.add(String(item[STREAM]));
      start = out.LastEvaluatedKey;
    } while (start !== undefined);
    return [...streams].sort();
  }
}

function entryFromItem(item: Record<string, unknown>): AuditEntry {
  return {
    seq: Number(item[SEQ]),
    at: String(item.at),
    actor: String(item.actor),
    action: String(item.action),
    data: parseData(item.data),
    prev_hash: String(item.prev_hash),
    hash: String(item.hash),
  };
}

/** Stored text that is no longer JSON is handed over as the raw string: verification then fails on it. */
function parseData(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

// Reading transaction failures. `CancellationReasons` is positional: reason i belongs to item i.
// (The ledger adapter keeps its own copy: each adapter file stands alone.)

function cancellationCodes(err: unknown): string[] | undefined {
  if (typeof err !== 'object' || err === null || (err as { name?: unknown }).name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

/** Full-jitter exponential backoff (10 ms · 2^attempt, capped at 200 ms): losers spread out. */
const backoffMs = (attempt: number): number => Math.random() * Math.min(200, 10 * 2 ** attempt);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
