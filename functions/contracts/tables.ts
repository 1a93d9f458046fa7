/**
 * The four DynamoDB tables, declared once. CDK (lib/stateful-stack.ts) creates them from these
 * definitions; the local runtime (local/dynamodb) creates the same tables in DynamoDB Local; the
 * adapters read key names from here. Nothing about a table is declared anywhere else.
 */
export type AttributeType = 'S' | 'N';
export interface KeyDef { readonly name: string; readonly type: AttributeType }
export interface GsiDef { readonly indexName: string; readonly partitionKey: KeyDef; readonly sortKey?: KeyDef }
export interface TableDef {
  /** CDK construct id and the base of the local table name. */
  readonly id: 'Ledger' | 'Idempotency' | 'Platform' | 'Audit';
  /** The environment variable through which functions learn the deployed table name. */
  readonly envVar: string;
  readonly partitionKey: KeyDef;
  readonly sortKey?: KeyDef;
  readonly gsis: readonly GsiDef[];
  readonly ttlAttribute?: string;
  /** Stream view type, when something consumes the table's changes. */
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

const S = (name: string): KeyDef => ({ name, type: 'S' });
const N = (name: string): KeyDef => ({ name, type: 'N' });

/**
 * Ledger: immutable journal entries (`pk = ENTRY#<id>`, derived from the business event so a
 * retried step can never post twice) and per-merchant balances (`pk = BAL#<merchant>`,
 * `sk = <account>#<currency>`), written together in one TransactWriteItems.
 */
export const LEDGER_TABLE: TableDef = {
  id: 'Ledger',
  envVar: 'LEDGER_TABLE',
  partitionKey: S('pk'),
  sortKey: S('sk'),
  gsis: [{ indexName: 'gsi1', partitionKey: S('gsi1pk'), sortKey: S('gsi1sk') }],
};

/** Idempotency records: one per (key owner, method, path, key); TTL ≥ 24 h (API.md). */
export const IDEMPOTENCY_TABLE: TableDef = {
  id: 'Idempotency',
  envVar: 'IDEMPOTENCY_TABLE',
  partitionKey: S('id'),
  gsis: [],
  ttlAttribute: 'expiration',
};

/**
 * Platform state, single-table: merchants, API key hashes, payments, attempts, refunds, payment
 * methods, Pix charges, agents, mandates, reviews, webhook endpoints and deliveries, payout
 * batches, and the outbox. gsi1 = lookups by secondary id (key hash, txid, endToEndId);
 * gsi2 = per-merchant listings in creation order. The stream feeds the outbox publisher.
 */
export const PLATFORM_TABLE: TableDef = {
  id: 'Platform',
  envVar: 'PLATFORM_TABLE',
  partitionKey: S('pk'),
  sortKey: S('sk'),
  gsis: [
    { indexName: 'gsi1', partitionKey: S('gsi1pk'), sortKey: S('gsi1sk') },
    { indexName: 'gsi2', partitionKey: S('gsi2pk'), sortKey: S('gsi2sk') },
  ],
  ttlAttribute: 'ttl',
  stream: 'NEW_IMAGE',
};

/** Append-only hash chains: `stream` = chain id (payment id, merchant id), `seq` = position. */
export const AUDIT_TABLE: TableDef = {
  id: 'Audit',
  envVar: 'AUDIT_TABLE',
  partitionKey: S('stream'),
  sortKey: N('seq'),
  gsis: [],
};

export const TABLES: readonly TableDef[] = [LEDGER_TABLE, IDEMPOTENCY_TABLE, PLATFORM_TABLE, AUDIT_TABLE];

/** Local table names: stable, so data under .data/ survives restarts. */
export const localTableName = (t: TableDef): string => `agentpay-${t.id.toLowerCase()}`;
