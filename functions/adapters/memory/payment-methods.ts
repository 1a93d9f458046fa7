import type { PaymentMethodStore, StoredPaymentMethod } from '../../app/ports/payment-method-store.js';
import type { Sealed, Vault } from '../../app/ports/vault.js';

export class MemoryPaymentMethodStore implements PaymentMethodStore {
  readonly items = new Map<string, StoredPaymentMethod>();
  async put(pm: StoredPaymentMethod): Promise<void> {
    if (this.items.has(pm.id)) throw new Error('exists');
    this.items.set(pm.id, pm);
  }
  async get(merchantId: string, id: string): Promise<StoredPaymentMethod | undefined> {
    const pm = this.items.get(id);
    return pm && pm.merchantId === merchantId ? pm : undefined;
  }
}

/** A reversible stand-in vault for unit tests (base64, bound to its context): never for real data. */
export class MemoryVault implements Vault {
  async seal(plaintext: string, context: Record<string, string>): Promise<Sealed> {
    return { v: 1, iv: '', tag: JSON.stringify(context), ct: Buffer.from(plaintext).toString('base64'), dk: 'memory' };
  }
  async open(sealed: Sealed, context: Record<string, string>): Promise<string> {
    if (sealed.tag !== JSON.stringify(context)) throw new Error('context mismatch');
    return Buffer.from(sealed.ct, 'base64').toString('utf8');
  }
  async fingerprint(purpose: string, value: string): Promise<string> {
    return Buffer.from(`${purpose}:${value}`).toString('base64url').slice(-22);
  }
}
