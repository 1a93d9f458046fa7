/** In-memory EventOutbox: keeps events in order, drops a repeated id like the conditional put. */
import type { EventDetail } from '../../contracts/events.js';
import type { EventOutbox } from '../../app/ports/event-outbox.js';

export class MemoryEventOutbox implements EventOutbox {
  readonly events: EventDetail[] = [];
  async emit(events: readonly EventDetail[]): Promise<void> {
    for (const e of events) if (!this.events.some((x) => x.id === e.id)) this.events.push(e);
  }
}
