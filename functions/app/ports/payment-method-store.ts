import type { Sealed } from './vault.js';

export interface StoredPaymentMethod {
  readonly id: string;
  readonly merchantId: string;
  readonly type: 'card';
  readonly card: { readonly brand: string; readonly last4: string; readonly expMonth: number; readonly expYear: number; readonly fingerprint: string; readonly bin: string };
  /** The PAN (and holder name), envelope-encrypted; never the CVC. */
  readonly sealed: Sealed;
  readonly created: string;
}

export interface PaymentMethodStore {
  put(pm: StoredPaymentMethod): Promise<void>;
  get(merchantId: string, id: string): Promise<StoredPaymentMethod | undefined>;
}
