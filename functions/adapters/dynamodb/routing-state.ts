/**
 * Routing state in the platform table: one item per merchant and scope
 * (`pk = ROUTING#<merchant>`, `sk = <scope>`), the learnt state as a JSON string (small, and the
 * SDK does not have to marshal a deep map on the hot path), written conditionally on `version`.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emptyRoutingState, type RoutingState } from '../../core/routing/index.js';
import { RoutingStateConflictError, type RoutingStateStore, type StoredRoutingState } from '../../app/ports/routing-state.js';

const key = (merchantId: string, scope: string) => ({ pk: `ROUTING#${merchantId}`, sk: scope });

export class DynamoDbRoutingStateStore implements RoutingStateStore {
  /** `consistentRead`: the consumer reads its own writes; the router tolerates a slightly old state. */
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string, private readonly consistentRead = false) {}

  async load(merchantId: string, scope: string): Promise<StoredRoutingState> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(merchantId, scope), ConsistentRead: this.consistentRead }));
    const item = r.Item;
    if (!item) return { state: emptyRoutingState(), version: 0, applied: [] };
    return { state: JSON.parse(item['state'] as string) as RoutingState, version: item['version'] as number, applied: (item['applied'] as string[] | undefined) ?? [] };
  }

  async save(merchantId: string, scope: string, next: Omit<StoredRoutingState, 'version'>, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { ...key(merchantId, scope), kind: 'routing_state', state: JSON.stringify(next.state), applied: [...next.applied], version: expectedVersion + 1 },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } }),
      }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new RoutingStateConflictError(merchantId, scope);
      throw err;
    }
  }
}
