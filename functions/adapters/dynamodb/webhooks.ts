/**
 * Webhook endpoints and deliveries in the platform table. Pending deliveries are indexed on gsi1
 * by their next attempt time (`WEBHOOK_DUE`, `<13-digit ms>#<id>`), so the retry schedule reads
 * exactly the due ones; delivered ones leave that index (the keys are removed).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WebhookDelivery, WebhookEndpoint, WebhookStore } from '../../app/ports/webhooks.js';
import { listingKeys } from './listing.js';

const epKey = (id: string) => ({ pk: `WE#${id}`, sk: 'WE' });
const dKey = (id: string) => ({ pk: `DLV#${id}`, sk: 'DLV' });
const DUE = 'WEBHOOK_DUE';
const dueSort = (ms: number, id: string) => `${String(ms).padStart(13, '0')}#${id}`;

export class DynamoDbWebhookStore implements WebhookStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async createEndpoint(ep: WebhookEndpoint): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...epKey(ep.id), kind: 'webhook_endpoint', gsi1pk: `WES#${ep.merchant_id}`, gsi1sk: ep.id, endpoint: ep }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async listEndpoints(merchantId: string): Promise<WebhookEndpoint[]> {
    const r = await this.db.send(new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `WES#${merchantId}` } }));
    return (r.Items ?? []).map((i) => i['endpoint'] as WebhookEndpoint);
  }

  async getEndpoint(merchantId: string, id: string): Promise<WebhookEndpoint | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: epKey(id) }));
    const ep = r.Item?.['endpoint'] as WebhookEndpoint | undefined;
    return ep && ep.merchant_id === merchantId ? ep : undefined;
  }

  private item(d: WebhookDelivery) {
    return {
      ...dKey(d.id), kind: 'webhook_delivery', status: d.status, delivery: d,
      ...listingKeys(`DLVS#${d.endpoint_id}`, d.merchant_id, d.created, d.id),
      ...(d.status === 'pending' && d.next_attempt_at !== undefined ? { gsi1pk: DUE, gsi1sk: dueSort(d.next_attempt_at, d.id) } : {}),
    };
  }

  async createDelivery(d: WebhookDelivery): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: this.item(d), ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async saveDelivery(d: WebhookDelivery): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: this.item(d) }));
  }

  async dueDeliveries(nowMs: number, limit: number): Promise<WebhookDelivery[]> {
    const r = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':p': DUE, ':now': dueSort(nowMs, '~') }, Limit: limit,
    }));
    return (r.Items ?? []).map((i) => i['delivery'] as WebhookDelivery).filter((d) => d.status === 'pending');
  }

  async listDeliveries(merchantId: string, endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const r = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': `DLVS#${endpointId}#${merchantId}` }, ScanIndexForward: false, Limit: limit,
    }));
    return (r.Items ?? []).map((i) => i['delivery'] as WebhookDelivery);
  }
}
