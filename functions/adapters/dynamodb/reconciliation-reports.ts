/**
 * Reconciliation reports in the platform table (`pk = RECON#<report id>`, `sk = REPORT`), listed
 * newest first under `gsi2pk = RECON` for operators. The id derives from the window, so a re-run
 * of the same window replaces its report instead of adding one.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReconciliationReport, ReconciliationReports } from '../../app/ports/reconciliation.js';

const TTL_S = 400 * 86_400;

export class DynamoDbReconciliationReports implements ReconciliationReports {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async save(report: ReconciliationReport): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: {
        pk: `RECON#${report.id}`, sk: 'REPORT', kind: 'reconciliation_report', gsi2pk: 'RECON', gsi2sk: `${report.created}#${report.id}`,
        // The items can be many: keep the item under DynamoDB's 400 KB by storing them as one string, capped.
        report: JSON.stringify({ ...report, items: report.items.slice(0, 500) }),
        ttl: Math.floor(Date.parse(report.created) / 1000) + TTL_S,
      },
    }));
  }
}
