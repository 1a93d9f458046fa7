/** Agents, mandates and budgets in the run's DynamoDB Local, for the agent-access integration tests. */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbAgentStore } from '../../../functions/adapters/dynamodb/agents.js';
import { DynamoDbBudgetReservations } from '../../../functions/adapters/dynamodb/budgets.js';
import type { Mandate } from '../../../functions/core/mandates/index.js';
import { createTestTables } from '../../support/dynamo.js';

export async function mandateTables() {
  const tables = await createTestTables();
  const doc = DynamoDBDocumentClient.from(tables.client);
  const agents = new DynamoDbAgentStore(doc, tables.names.Platform);
  const budgets = new DynamoDbBudgetReservations(doc, tables.names.Platform);
  let n = 0;
  async function mandate(over: Partial<Mandate> = {}): Promise<Mandate> {
    const id = `mdt_it${++n}${Math.random().toString(36).slice(2, 8)}`;
    const m: Mandate = {
      id, kind: 'stored', agent_id: 'agt_1', merchant_id: 'mer_1', currency: 'brl', max_amount_per_payment: 100_000,
      budget: { amount: 10_000, period: 'day' }, allowed_payment_methods: ['card'], expires_at: '2030-01-01T00:00:00.000Z',
      status: 'active', created: '2026-11-22T00:00:00.000Z', key_hash: `h${id}`, ...over,
    };
    await agents.createMandate(m, { hash: m.key_hash!, keyId: `key_${id}`, kind: 'agent', merchantId: 'mer_1', agentId: m.agent_id, mandateId: id, status: 'active', hint: 'ak_test_…', created: m.created });
    return m;
  }
  return { agents, budgets, mandate, close: () => tables.client.destroy() };
}
