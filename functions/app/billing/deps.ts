/** What the billing use cases need, handed in by one composition root (handlers/root-billing.ts). */
import type { Vault } from '../ports/vault.js';
import type { CreatePaymentDeps } from '../payments.js';
import type { PaymentMethodStore } from '../ports/payment-method-store.js';
import type { PixPsp, ReceiverAccount } from '../ports/pix-psp.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import type { Clock } from '../ports/system.js';

export interface BillingDeps {
  readonly subscriptions: SubscriptionStore;
  readonly paymentMethods: PaymentMethodStore;
  readonly clock: Clock;
  /** Card renewals: the same dependencies as `POST /v1/payments` (createCardPayment runs the saga). */
  readonly cardPayments?: () => CreatePaymentDeps;
  /** Pix Automático renewals: the PSP and the account its recurring charges credit. */
  readonly pix?: () => { readonly psp: PixPsp; readonly receiverAccount: ReceiverAccount };
  /** Seals the customer's personal data at rest; without a vault it is not kept. */
  readonly vault?: Vault;
}
