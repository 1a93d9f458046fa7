/** Consumer: keeps every platform event in the merchant's event log (GET /v1/events). */
import type { EventBridgeEvent } from 'aws-lambda';
import { eventDetailSchema } from '../../contracts/events.js';
import { eventLog } from '../root.js';

export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  await eventLog().record(eventDetailSchema.parse(event.detail));
};
