import type { EventPublisher } from '../ports/event-publisher.js';
import type { Ledger } from '../ports/ledger.js';
import type { PayoutRunner, PayoutStore } from '../ports/payout-store.js';
import type { PixPayouts } from '../ports/pix-payout.js';
import type { Clock, Ids } from '../ports/system.js';
import type { Vault } from '../ports/vault.js';

export interface PayoutDeps {
  readonly store: PayoutStore;
  readonly runner: PayoutRunner;
  readonly psp: PixPayouts;
  readonly ledger: Ledger;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly ids: Ids;
  /** For `workflow.failed` (a batch whose execution failed). */
  readonly events?: EventPublisher;
  readonly log?: (level: 'info' | 'warn' | 'error', msg: string, attrs: Record<string, unknown>) => void;
}

/** Vault context binding a sealed key to its item: a sealed key copied onto another item won't open. */
export const keyContext = (merchantId: string, itemId: string): Record<string, string> => ({ merchant_id: merchantId, payout_item_id: itemId });
