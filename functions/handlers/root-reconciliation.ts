/**
 * Card reconciliation's sources: Stripe balance transactions through the stripe SDK, Adyen
 * settlement details from the Adyen base URL, the ledger's capture entries, and where reports go.
 * Its own root so only CardReconciliation bundles the stripe SDK besides the connectors.
 */
import { AdyenSettlementRecords } from '../adapters/adyen/settlement.js';
import { DynamoDbLedgerRecords } from '../adapters/dynamodb/ledger-records.js';
import { DynamoDbReconciliationReports } from '../adapters/dynamodb/reconciliation-reports.js';
import { StripeBalanceRecords } from '../adapters/stripe/balance-transactions.js';
import type { LedgerRecordSource, ProcessorRecordSource, ReconciliationReports } from '../app/ports/reconciliation.js';
import { cfg, db, once } from './root.js';

export const recordSources = once((): ProcessorRecordSource[] => {
  const c = cfg();
  const out: ProcessorRecordSource[] = [];
  if (c.STRIPE_API_KEY) out.push(new StripeBalanceRecords({ apiKey: c.STRIPE_API_KEY, ...(c.STRIPE_API_BASE ? { apiBase: c.STRIPE_API_BASE } : {}) }));
  if (c.ADYEN_CHECKOUT_BASE) out.push(new AdyenSettlementRecords({ baseUrl: c.ADYEN_CHECKOUT_BASE }));
  return out;
});
export const ledgerRecords = once((): LedgerRecordSource => new DynamoDbLedgerRecords(db(), cfg().tables.ledger));
export const reconciliationReports = once((): ReconciliationReports => new DynamoDbReconciliationReports(db(), cfg().tables.platform));
