/**
 * Consumer: payment outcomes update the risk agent's entity records (and the review threshold);
 * `risk.label` events teach the model, the decline threshold and the agent's trust.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { SerialLanes } from '../../app/agents/lanes.js';
import { learnFromLabel, recordPaymentOutcome, type RiskLabel } from '../../app/agents/risk-feedback.js';
import { parseEventDetail, type EventType } from '../../contracts/events.js';
import { riskLabelRequest } from '../../contracts/api/agents-api.js';
import { clock } from '../root.js';
import { riskOptions, riskStore } from '../root-agents.js';

/** Per process: every outcome and label writes the model item, so they are applied in turn. */
const lanes = new SerialLanes();

export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  const detail = parseEventDetail(event['detail-type'] as EventType, event.detail);
  if (detail.type === 'risk.label') {
    const o = detail.data.object;
    const label: RiskLabel = riskLabelRequest.parse({ payment_id: o['payment_id'], label: o['label'], source: o['source'] });
    await learnFromLabel(label, { store: riskStore(), now: clock.now(), lanes });
    return;
  }
  await recordPaymentOutcome(detail, { store: riskStore(), options: riskOptions(), lanes });
};
