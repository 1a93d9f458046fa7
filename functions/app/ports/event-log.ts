import type { EventDetail } from '../../contracts/events.js';

export interface EventLog {
  /** Keeps an event once (a redelivered event is dropped). Returns false for a duplicate. */
  record(detail: EventDetail): Promise<boolean>;
  get(merchantId: string, id: string): Promise<EventDetail | undefined>;
  /** Newest first; `startingAfter` is the id of the last event of the previous page. */
  list(merchantId: string, opts: { limit: number; startingAfter?: string | undefined }): Promise<{ data: EventDetail[]; hasMore: boolean }>;
}
