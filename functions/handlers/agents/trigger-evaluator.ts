/**
 * Consumer: platform events evaluated against the event's merchant's triggers (see the
 * `merchant-triggers` consumer in contracts/events.ts for how this maps to EventBridge rules).
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { handlePlatformEvent } from '../../app/triggers/platform-events.js';
import { billingDeps, evaluateDeps } from '../root-billing.js';
import { paymentStore } from '../root.js';

export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  await handlePlatformEvent(event, { evaluate: evaluateDeps(), subscriptions: billingDeps().subscriptions, payments: paymentStore() });
};
