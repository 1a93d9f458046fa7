/** Merchant triggers and the record of each firing (one per trigger and event). */
import type { Trigger } from '../../core/triggers/index.js';

export interface TriggerFiring {
  readonly trigger_id: string;
  readonly event_id: string;
  readonly merchant_id: string;
  readonly action: 'payment' | 'payout';
  /** The payment or payout batch the action created, or the error that stopped it. */
  readonly result: { readonly id: string; readonly status: string } | { readonly error: string };
  readonly at: string;
}

export interface TriggerStore {
  create(t: Trigger): Promise<Trigger>;
  get(merchantId: string, id: string): Promise<Trigger | undefined>;
  /** Every trigger of the merchant (enabled or not), oldest first. */
  list(merchantId: string): Promise<Trigger[]>;
  update(t: Trigger): Promise<Trigger>;
  getFiring(triggerId: string, eventId: string): Promise<TriggerFiring | undefined>;
  /** Records a firing unless one exists for (trigger, event); returns the stored one. */
  recordFiring(f: TriggerFiring): Promise<TriggerFiring>;
  /** Whether `objectId` (payment, payout batch) was created by a trigger. */
  isTriggerResult(objectId: string): Promise<boolean>;
}
