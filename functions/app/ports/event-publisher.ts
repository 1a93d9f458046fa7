import type { EventDetail } from '../../contracts/events.js';

export interface EventPublisher {
  /** Puts events on the bus; returns the ids that failed (to be retried). */
  publish(details: readonly EventDetail[]): Promise<string[]>;
}
