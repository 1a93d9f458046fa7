import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type EventDetail } from '../../contracts/events.js';
import type { EventPublisher } from '../../app/ports/event-publisher.js';

/** PutEvents takes at most 10 entries per call. */
const BATCH = 10;

export class EventBridgePublisher implements EventPublisher {
  private readonly client: EventBridgeClient;
  constructor(region: string, private readonly busName: string) {
    this.client = new EventBridgeClient({ region, maxAttempts: 4 });
  }

  async publish(details: readonly EventDetail[]): Promise<string[]> {
    const failed: string[] = [];
    for (let i = 0; i < details.length; i += BATCH) {
      const chunk = details.slice(i, i + BATCH);
      try {
        const r = await this.client.send(new PutEventsCommand({
          Entries: chunk.map((d) => ({ EventBusName: this.busName, Source: EVENT_SOURCE, DetailType: d.type, Detail: JSON.stringify(d), Time: new Date(d.created) })),
        }));
        (r.Entries ?? []).forEach((e, k) => { if (e.ErrorCode) failed.push(chunk[k]!.id); });
      } catch {
        failed.push(...chunk.map((d) => d.id));
      }
    }
    return failed;
  }
}
