import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PaymentMethodStore, StoredPaymentMethod } from '../../app/ports/payment-method-store.js';

const key = (id: string) => ({ pk: `PM#${id}`, sk: 'PM' });

export class DynamoDbPaymentMethodStore implements PaymentMethodStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async put(pm: StoredPaymentMethod): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...key(pm.id), kind: 'payment_method', pm }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(merchantId: string, id: string): Promise<StoredPaymentMethod | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id) }));
    const pm = r.Item?.['pm'] as StoredPaymentMethod | undefined;
    // Another merchant's id answers exactly like an unknown one (API.md: never reveal existence).
    return pm && pm.merchantId === merchantId ? pm : undefined;
  }
}
