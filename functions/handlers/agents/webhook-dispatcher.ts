/** Consumer of public events: signs and delivers them to the merchant's subscribed endpoints. */
import type { EventBridgeEvent } from 'aws-lambda';
import { deliverEvent } from '../../app/webhooks.js';
import { eventDetailSchema } from '../../contracts/events.js';
import { webhookDeps } from '../root.js';

export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  await deliverEvent(eventDetailSchema.parse(event.detail), webhookDeps());
};
