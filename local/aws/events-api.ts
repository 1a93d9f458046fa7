/** `AWSEvents.PutEvents` (awsJson1_1), handed to the local bus. */
import type { LocalEventBus, PutEventsEntry } from '../bus/event-bus.js';
import { AwsApiError } from './api-error.js';

type Body = Record<string, unknown>;

export function eventsApi(bus: LocalEventBus): (operation: string, body: Body) => Promise<Body> {
  return async (op, b) => {
    if (op !== 'PutEvents') throw new AwsApiError('UnknownOperationException', `AWSEvents.${op} is not emulated locally`);
    const entries = b.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
      throw new AwsApiError('ValidationException', '1 validation error detected: Value at \'entries\' failed to satisfy constraint: Member must have length between 1 and 10');
    }
    return bus.putEvents(entries as PutEventsEntry[]);
  };
}
