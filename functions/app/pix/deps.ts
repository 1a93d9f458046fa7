/** What the Pix use cases need, handed in by one composition root (handlers/root-pix.ts). */
import type { QrRenderer } from '../../core/pix/index.js';
import type { Ledger } from '../ports/ledger.js';
import type { PaymentStore } from '../ports/payment-store.js';
import type { PixPsp } from '../ports/pix-psp.js';
import type { PixStore } from '../ports/pix-store.js';
import type { Clock } from '../ports/system.js';
import type { Vault } from '../ports/vault.js';
import type { BudgetReservations } from '../saga/deps.js';

export interface PixDeps {
  readonly payments: PaymentStore;
  readonly pix: PixStore;
  readonly psp: PixPsp;
  readonly ledger: Ledger;
  readonly clock: Clock;
  readonly qr: Pick<QrRenderer, 'svg'>;
  /** Our DICT key at the PSP (`PIX_RECEIVER_KEY`): every charge is paid to it. */
  readonly receiverKey: string;
  /** Seals raw PSP callbacks at rest (they carry payer data); without it they are not kept. */
  readonly vault?: Vault;
  /**
   * Agent payments by Pix: the mandate's cheap checks (throws 403 `mandate_violation`) and its
   * budget, reserved when the charge is created, settled when it is paid, released when it
   * expires or is canceled. Without it, agent keys cannot open Pix charges.
   */
  readonly agentBudget?: {
    readonly admit: (p: { merchantId: string; agentId: string; mandateId: string }, amount: number, at: Date) => Promise<void>;
    readonly budgets: BudgetReservations;
  };
}
