/**
 * Risk agent state in the platform table, each record a small JSON string with a version:
 * - entity records `pk = RISK#<entity key>` (`agent:…`, `card:…`, `device:…`, `ip:…`, `pix:…`), `sk = ENTITY`;
 * - agent trust `pk = RISK#trust:<agent>`, `sk = TRUST`;
 * - the model and thresholds `pk = RISK#model`, `sk = MODEL`;
 * - features a payment was scored with `pk = RISKX#<payment>`, `sk = RISKX` (TTL 180 days: labels
 *   such as chargebacks arrive within the networks' dispute windows).
 * The payment path reads everything it needs with one BatchGetItem.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { RiskSnapshot } from '../../core/risk/index.js';
import {
  RiskAlreadyAppliedError, RiskStoreConflictError,
  type RiskKeys, type RiskModelState, type RiskStore, type ScoredFeatures, type VersionedSnapshot,
} from '../../app/ports/risk-store.js';
import type { TransactItem } from './outbox.js';

const ENTITIES = ['agent', 'card', 'device', 'ip', 'pix_key'] as const;
const entityKey = (k: string) => ({ pk: `RISK#${k}`, sk: 'ENTITY' });
const trustKey = (agentId: string) => ({ pk: `RISK#trust:${agentId}`, sk: 'TRUST' });
const MODEL_KEY = { pk: 'RISK#model', sk: 'MODEL' } as const;
const scoredKey = (paymentId: string) => ({ pk: `RISKX#${paymentId}`, sk: 'RISKX' });
const SCORED_TTL_S = 180 * 86_400;

type Item = Record<string, unknown>;

function versioned(key: Item, data: unknown, expected: number, kind: string): TransactItem {
  return {
    Put: {
      TableName: '', Item: { ...key, kind, data: JSON.stringify(data), version: expected + 1 },
      ...(expected === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expected } }),
    },
  };
}

export class DynamoDbRiskStore implements RiskStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  private withTable(items: TransactItem[]): TransactItem[] {
    return items.map((i) => (i.Put ? { Put: { ...i.Put, TableName: this.table } } : i.Update ? { Update: { ...i.Update, TableName: this.table } } : i));
  }

  async read(keys: RiskKeys, agentId: string, opts: { withModel: boolean; consistent?: boolean }): Promise<VersionedSnapshot & { model?: RiskModelState }> {
    const wanted: Item[] = [trustKey(agentId), ...ENTITIES.flatMap((n) => (keys[n] !== undefined ? [entityKey(keys[n])] : [])), ...(opts.withModel ? [MODEL_KEY] : [])];
    const found = new Map<string, Item>();
    let request: Record<string, { Keys: Item[]; ConsistentRead?: boolean }> | undefined = { [this.table]: { Keys: wanted, ConsistentRead: opts.consistent === true } };
    // Unprocessed keys only come back under throttling; each retry is one more round trip.
    for (let i = 0; request && i < 5; i++) {
      const r: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: request }));
      for (const it of r.Responses?.[this.table] ?? []) found.set(it['pk'] as string, it);
      const un: { Keys?: Item[] } | undefined = r.UnprocessedKeys?.[this.table] as { Keys?: Item[] } | undefined;
      request = un?.Keys?.length ? { [this.table]: { Keys: un.Keys, ConsistentRead: opts.consistent === true } } : undefined;
    }
    if (request) throw new Error('risk store: keys left unprocessed after retries');
    const snapshot: Record<string, unknown> = {};
    const versions: Record<string, number> = {};
    for (const n of ENTITIES) {
      const k = keys[n];
      if (k === undefined) continue;
      const it = found.get(`RISK#${k}`);
      versions[k] = (it?.['version'] as number | undefined) ?? 0;
      if (it) snapshot[n] = JSON.parse(it['data'] as string);
    }
    const t = found.get(trustKey(agentId).pk);
    versions[`trust:${agentId}`] = (t?.['version'] as number | undefined) ?? 0;
    if (t) snapshot['trust'] = JSON.parse(t['data'] as string);
    const m = found.get(MODEL_KEY.pk);
    return { snapshot: snapshot as RiskSnapshot, versions, ...(m ? { model: modelOf(m) } : {}) };
  }

  async recordScored(keys: RiskKeys, read: VersionedSnapshot, next: RiskSnapshot, scored: ScoredFeatures, model?: Parameters<RiskStore['recordScored']>[4]): Promise<void> {
    const items: TransactItem[] = [{
      Put: {
        TableName: '', Item: { ...scoredKey(scored.payment_id), kind: 'risk_scored', data: JSON.stringify(scored), ttl: Math.floor(scored.at / 1000) + SCORED_TTL_S },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }];
    for (const n of ENTITIES) {
      const k = keys[n];
      if (k !== undefined && next[n] !== undefined) items.push(versioned(entityKey(k), next[n], read.versions[k] ?? 0, 'risk_entity'));
    }
    if (model) items.push(versioned(MODEL_KEY, model.next, model.expectedVersion, 'risk_model'));
    await this.transact(items, (reasons) => (reasons[0] === 'ConditionalCheckFailed' ? new RiskAlreadyAppliedError(scored.payment_id) : new RiskStoreConflictError('entity records or model changed')));
  }

  async getScored(paymentId: string): Promise<ScoredFeatures | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: scoredKey(paymentId), ConsistentRead: true }));
    if (!r.Item) return undefined;
    const s = JSON.parse(r.Item['data'] as string) as ScoredFeatures;
    return r.Item['label'] ? { ...s, label: r.Item['label'] as 'fraud' | 'legit' } : s;
  }

  async loadModel(): Promise<RiskModelState | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: MODEL_KEY, ConsistentRead: true }));
    return r.Item ? modelOf(r.Item) : undefined;
  }

  async saveModel(next: Omit<RiskModelState, 'version'>, expectedVersion: number): Promise<void> {
    const put = versioned(MODEL_KEY, next, expectedVersion, 'risk_model').Put!;
    try {
      await this.db.send(new PutCommand({ ...put, TableName: this.table } as never));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new RiskStoreConflictError('model');
      throw err;
    }
  }

  async learnLabel(a: Parameters<RiskStore['learnLabel']>[0]): Promise<void> {
    await this.transact([
      {
        Update: {
          TableName: '', Key: scoredKey(a.scored.payment_id), UpdateExpression: 'SET #l = :l',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#l)', ExpressionAttributeNames: { '#l': 'label' }, ExpressionAttributeValues: { ':l': a.label },
        },
      },
      versioned(MODEL_KEY, a.model, a.modelVersion, 'risk_model'),
      versioned(trustKey(a.scored.agent_id), a.trust, a.trustVersion, 'risk_trust'),
    ], (reasons) => (reasons[0] === 'ConditionalCheckFailed' ? new RiskAlreadyAppliedError(a.scored.payment_id) : new RiskStoreConflictError('model or trust changed')));
  }

  private async transact(items: TransactItem[], onConflict: (reasons: (string | undefined)[]) => Error): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: this.withTable(items) }));
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
        throw onConflict(err.CancellationReasons.map((r) => r.Code));
      }
      throw err;
    }
  }
}

function modelOf(it: Item): RiskModelState {
  const d = JSON.parse(it['data'] as string) as Omit<RiskModelState, 'version'>;
  return { model: d.model, thresholds: d.thresholds, version: it['version'] as number };
}
