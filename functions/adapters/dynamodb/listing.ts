/**
 * Per-merchant listings on gsi2 (`gsi2pk = <COLLECTION>#<merchant>`, `gsi2sk = <created>#<id>`),
 * newest first, with Stripe-style `starting_after` cursors.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const listingKeys = (collection: string, merchantId: string, created: string, id: string) => ({
  gsi2pk: `${collection}#${merchantId}`,
  gsi2sk: `${created}#${id}`,
});

export async function listNewestFirst<T>(
  db: DynamoDBDocumentClient,
  table: string,
  collection: string,
  merchantId: string,
  opts: { limit: number; startingAfterSortKey?: string | undefined; filter?: { status?: string | undefined } },
): Promise<{ items: T[]; hasMore: boolean }> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': `${collection}#${merchantId}` };
  let cond = 'gsi2pk = :pk';
  if (opts.startingAfterSortKey) {
    cond += ' AND gsi2sk < :after';
    values[':after'] = opts.startingAfterSortKey;
  }
  let filter: string | undefined;
  if (opts.filter?.status) {
    names['#st'] = 'status';
    values[':st'] = opts.filter.status;
    filter = '#st = :st';
  }
  const items: T[] = [];
  let lastKey: Record<string, unknown> | undefined;
  // With a filter, a page may come back short: keep reading until limit + 1 items or the end.
  do {
    const r = await db.send(new QueryCommand({
      TableName: table,
      IndexName: 'gsi2',
      KeyConditionExpression: cond,
      ExpressionAttributeValues: values,
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(filter ? { FilterExpression: filter } : {}),
      ScanIndexForward: false,
      Limit: opts.limit + 1,
      ExclusiveStartKey: lastKey,
    }));
    items.push(...((r.Items ?? []) as T[]));
    lastKey = r.LastEvaluatedKey;
  } while (lastKey && items.length <= opts.limit);
  return { items: items.slice(0, opts.limit), hasMore: items.length > opts.limit };
}
