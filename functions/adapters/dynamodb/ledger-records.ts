/**
 * Card capture entries of every merchant for reconciliation: a filtered Scan of the ledger table's
 * entry items. A batch job's read (paged, eventually consistent), never on the payment path; a
 * per-merchant Query would need the merchant list, which processors' records do not always carry.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JournalEntry } from '../../core/ledger/index.js';
import { cardCaptureRecord, type LedgerRecord } from '../../core/reconciliation/index.js';
import type { LedgerRecordSource, Window } from '../../app/ports/reconciliation.js';

export class DynamoDbLedgerRecords implements LedgerRecordSource {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async cardCaptures(w: Window): Promise<LedgerRecord[]> {
    const out: LedgerRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(new ScanCommand({
        TableName: this.table, ExclusiveStartKey: start,
        FilterExpression: 'sk = :e AND #c >= :from AND #c < :to AND #r.#t = :payment',
        ExpressionAttributeNames: { '#c': 'createdAt', '#r': 'reference', '#t': 'type' },
        ExpressionAttributeValues: { ':e': 'ENTRY', ':from': w.from.toISOString(), ':to': w.to.toISOString(), ':payment': 'payment' },
      }));
      for (const item of r.Items ?? []) {
        const rec = cardCaptureRecord(item as unknown as JournalEntry);
        if (rec) out.push(rec);
      }
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
