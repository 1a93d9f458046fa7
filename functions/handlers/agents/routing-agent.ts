/** Consumer: each `payment.attempt.completed` teaches the routing agent (success model, breakers). */
import type { EventBridgeEvent } from 'aws-lambda';
import { applyAttemptOutcome, routingFeedbackLocal } from '../../app/agents/routing-feedback.js';
import { parseEventDetail } from '../../contracts/events.js';
import { routingStateStoreConsistent } from '../root-agents.js';

/** Per process: one merchant's outcomes applied in turn, its last written state remembered. */
const local = routingFeedbackLocal();

export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  await applyAttemptOutcome(parseEventDetail('payment.attempt.completed', event.detail), { store: routingStateStoreConsistent(), local });
};
