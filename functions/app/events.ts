/**
 * Platform events (contracts/events.ts). An event's id is derived from the business fact it
 * announces, so a retried commit re-creates the same outbox record and the conditional write
 * drops the duplicate.
 */
import type { EventDetail, EventType } from '../contracts/events.js';
import { deterministicId } from '../core/ids.js';

export function buildEvent(args: {
  type: EventType;
  merchantId: string;
  object: { object: string; id: string } & Record<string, unknown>;
  at: Date;
  /** What makes this event unique, e.g. the payment id and its final status. */
  dedupeKey: string;
}): EventDetail {
  return {
    id: deterministicId('evt', args.type, args.dedupeKey),
    type: args.type,
    version: 1,
    created: args.at.toISOString(),
    merchant_id: args.merchantId,
    data: { object: args.object },
  };
}
