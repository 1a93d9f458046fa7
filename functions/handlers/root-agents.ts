/**
 * The agents' part of the composition root: routing state, risk records, card retry counters,
 * the standalone outbox. Kept apart from root.ts (and the Bedrock and processor SDKs apart from
 * this file: root-assistant.ts, root-reconciliation.ts) so each function bundles only what it runs.
 */
import sample from '../core/risk/aml/sample-sanctions.json' with { type: 'json' };
import { DynamoDbCardRetryCounter } from '../adapters/dynamodb/card-retries.js';
import { DynamoDbEventOutbox } from '../adapters/dynamodb/event-outbox.js';
import { DynamoDbRiskStore } from '../adapters/dynamodb/risk-store.js';
import { DynamoDbRoutingStateStore } from '../adapters/dynamodb/routing-state.js';
import type { AgentRiskOptions } from '../app/decisions/agent-risk.js';
import type { CardRetryCounter } from '../app/ports/card-retries.js';
import type { EventOutbox } from '../app/ports/event-outbox.js';
import type { RiskStore } from '../app/ports/risk-store.js';
import type { RoutingStateStore } from '../app/ports/routing-state.js';
import { buildScreeningIndex, parseSanctionsList } from '../core/risk/index.js';
import { cfg, db, once } from './root.js';

/** The router reads eventually consistent (cheaper, never blocks); the consumer reads its own writes. */
export const routingStateStore = once((): RoutingStateStore => new DynamoDbRoutingStateStore(db(), cfg().tables.platform));
export const routingStateStoreConsistent = once((): RoutingStateStore => new DynamoDbRoutingStateStore(db(), cfg().tables.platform, true));
export const riskStore = once((): RiskStore => new DynamoDbRiskStore(db(), cfg().tables.platform));
export const cardRetryCounter = once((): CardRetryCounter => new DynamoDbCardRetryCounter(db(), cfg().tables.platform));
export const eventOutbox = once((): EventOutbox => new DynamoDbEventOutbox(db(), cfg().tables.platform));

/**
 * Risk rules: hard caps and AML screening against the sanctions list shipped with the core (a
 * sample of fictional names; a deployment converts the official lists, see core/risk/aml/README.md).
 */
export const riskOptions = once((): AgentRiskOptions => {
  const list = parseSanctionsList(sample);
  if (!list.ok) throw new Error(`sanctions list invalid at ${list.path}: ${list.message}`);
  return { rules: { hard_cap: { brl: 10_000_000, usd: 10_000_000, eur: 10_000_000 }, sanctions: buildScreeningIndex(list.list) } };
});
