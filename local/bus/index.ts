export { LocalEventBus, type BusEvent, type PutEventsEntry, type LocalEventBusOptions } from './event-bus.js';
export { DeadLetterLog, type DeadLetter } from './dead-letters.js';
