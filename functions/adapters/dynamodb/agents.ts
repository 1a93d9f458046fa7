/**
 * Agents, mandates and their agent keys in the platform table. A mandate and its key are written
 * (and revoked) in one TransactWriteItems, so a revoked mandate's key fails authentication at once.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '../../app/ports/payment-store.js';
import type { AgentRecord, AgentStore } from '../../app/ports/agent-store.js';
import type { ApiKeyRecord } from '../../app/ports/merchant-store.js';
import type { Mandate } from '../../core/mandates/index.js';
import { updateTrust, type TrustEvent, type TrustState } from '../../core/risk/trust.js';
import { apiKeyKey } from './merchants.js';
import { listingKeys } from './listing.js';

export const agentKey = (id: string) => ({ pk: `AGT#${id}`, sk: 'AGT' });
export const mandateKey = (id: string) => ({ pk: `MDT#${id}`, sk: 'MDT' });
/** The agent's trust, kept by the risk agent (adapters/dynamodb/risk-store.ts uses the same key). */
const trustKey = (agentId: string) => ({ pk: `RISK#trust:${agentId}`, sk: 'TRUST' });
/** Per-period budget counter of a mandate (see budgets.ts). */
export const counterKey = (mandateId: string, period: string) => ({ pk: `BUD#${mandateId}`, sk: period });

const conditionFailed = (err: unknown): boolean =>
  (err instanceof TransactionCanceledException && (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')) ||
  (err as { name?: string }).name === 'ConditionalCheckFailedException';

export class DynamoDbAgentStore implements AgentStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async createAgent(a: AgentRecord): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { ...agentKey(a.id), kind: 'agent', ...listingKeys('AGENTS', a.merchant_id, a.created, a.id), agent: a },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async getAgent(merchantId: string, id: string): Promise<AgentRecord | undefined> {
    // One round trip: the agent and the trust the risk agent keeps for it (risk-store.ts).
    const r = await this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: [agentKey(id), trustKey(id)], ConsistentRead: true } } }));
    const items = r.Responses?.[this.table] ?? [];
    const agent = items.find((i) => i['pk'] === agentKey(id).pk)?.['agent'] as AgentRecord | undefined;
    if (!agent || agent.merchant_id !== merchantId) return undefined;
    const trust = items.find((i) => i['pk'] === trustKey(id).pk)?.['data'];
    return typeof trust === 'string' ? { ...agent, trust: JSON.parse(trust) as TrustState } : agent;
  }

  /** Same record and versioning as the risk agent's trust (`RISK#trust:<agent>`), so both feed one score. */
  async recordTrust(agentId: string, event: TrustEvent, at: Date): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = await this.db.send(new GetCommand({ TableName: this.table, Key: trustKey(agentId), ConsistentRead: true }));
      const version = (r.Item?.['version'] as number | undefined) ?? 0;
      const current = typeof r.Item?.['data'] === 'string' ? (JSON.parse(r.Item['data']) as TrustState) : undefined;
      const next = updateTrust(current, event, at.getTime());
      try {
        await this.db.send(new PutCommand({
          TableName: this.table, Item: { ...trustKey(agentId), kind: 'risk_trust', data: JSON.stringify(next), version: version + 1 },
          ...(version === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': version } }),
        }));
        return;
      } catch (err) {
        if (!conditionFailed(err)) throw err;
      }
    }
    throw new ConcurrentUpdateError(agentId);
  }

  async createMandate(m: Mandate, key: ApiKeyRecord): Promise<void> {
    await this.db.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: this.table, Item: { ...mandateKey(m.id), kind: 'mandate', status: m.status, expires_at: m.expires_at, mandate: m }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: this.table, Item: { ...apiKeyKey(key.hash), kind: 'api_key', record: key }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }));
  }

  async getMandate(id: string): Promise<Mandate | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: mandateKey(id), ConsistentRead: true }));
    if (!r.Item) return undefined;
    const m = r.Item['mandate'] as Mandate;
    return { ...m, status: r.Item['status'] as Mandate['status'] };
  }

  async revokeMandate(id: string, at: Date): Promise<void> {
    const m = await this.getMandate(id);
    if (!m || m.status === 'revoked') return;
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      { Update: { TableName: this.table, Key: mandateKey(id), UpdateExpression: 'SET #s = :r, revoked_at = :at', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':r': 'revoked', ':at': at.toISOString() } } },
    ];
    if (m.key_hash) {
      items.push({
        Update: {
          TableName: this.table, Key: apiKeyKey(m.key_hash), UpdateExpression: 'SET #rec.#s = :r',
          ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeNames: { '#rec': 'record', '#s': 'status' }, ExpressionAttributeValues: { ':r': 'revoked' },
        },
      });
    }
    await this.db.send(new TransactWriteCommand({ TransactItems: items }));
  }

  async registerOpenMandate(m: Mandate): Promise<Mandate> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { ...mandateKey(m.id), kind: 'mandate', status: m.status, expires_at: m.expires_at, mandate: m },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return m;
    } catch (err) {
      if (!conditionFailed(err)) throw err;
      return (await this.getMandate(m.id)) ?? m;
    }
  }

  async usage(mandateId: string, period: string): Promise<{ spent: number; reserved: number }> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: counterKey(mandateId, period), ConsistentRead: true }));
    return { spent: (r.Item?.['spent'] as number | undefined) ?? 0, reserved: (r.Item?.['reserved'] as number | undefined) ?? 0 };
  }
}
