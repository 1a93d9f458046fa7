/**
 * Announces events that are not part of a payment write (labels, reconciliation findings)
 * through the transactional outbox: the OutboxPublisher puts them on the bus like any other.
 * Emitting an event whose id is already in the outbox is a no-op (ids are derived from facts).
 */
import type { EventDetail } from '../../contracts/events.js';

export interface EventOutbox {
  emit(events: readonly EventDetail[]): Promise<void>;
}
