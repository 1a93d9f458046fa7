import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../contracts/events.js';
import type { ApiKeyRecord, Merchant, MerchantStore } from '../../app/ports/merchant-store.js';
import { outboxPut } from './outbox.js';

export const merchantKey = (id: string) => ({ pk: `MER#${id}`, sk: 'MER' });
export const apiKeyKey = (hash: string) => ({ pk: `KEY#${hash}`, sk: 'KEY' });

export class DynamoDbMerchantStore implements MerchantStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(merchant: Merchant, key: ApiKeyRecord, event: EventDetail): Promise<void> {
    await this.db.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: this.table, Item: { ...merchantKey(merchant.id), kind: 'merchant', gsi2pk: 'MERCHANTS', gsi2sk: `${merchant.created}#${merchant.id}`, ...merchant }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: this.table, Item: { ...apiKeyKey(key.hash), kind: 'api_key', record: key }, ConditionExpression: 'attribute_not_exists(pk)' } },
        outboxPut(this.table, event),
      ],
    }));
  }

  async get(id: string): Promise<Merchant | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: merchantKey(id) }));
    if (!r.Item) return undefined;
    const { id: mid, name, defaultCurrency, mode, created, mcc, fxMarkupBps } = r.Item as Merchant;
    return { id: mid, name, defaultCurrency, mode, created, ...(mcc !== undefined ? { mcc } : {}), ...(fxMarkupBps !== undefined ? { fxMarkupBps } : {}) };
  }

  async findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: apiKeyKey(hash) }));
    return r.Item?.['record'] as ApiKeyRecord | undefined;
  }
}
