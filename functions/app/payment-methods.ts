/**
 * Card tokenization (API.md "Payment methods"): Luhn, brand and expiry checked; the PAN sealed in
 * the vault under a per-record data key; a keyed fingerprint; the CVC checked for shape and then
 * dropped — it is never stored, and no PAN or CVC reaches a log line.
 */
import { validateCard } from '../core/cards/index.js';
import { AppError } from '../core/errors.js';
import type { CreatePaymentMethodRequest } from '../contracts/api/payment-methods.js';
import type { CardForAuthorization } from './ports/card-processor.js';
import type { PaymentMethodStore, StoredPaymentMethod } from './ports/payment-method-store.js';
import type { Clock, Ids } from './ports/system.js';
import type { Vault } from './ports/vault.js';

export interface PaymentMethodDeps {
  readonly paymentMethods: PaymentMethodStore;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly ids: Ids;
}

const REJECTION_MESSAGES = {
  incorrect_number: 'The card number is invalid',
  invalid_expiry: 'The expiry date is invalid',
  expired_card: 'The card has expired',
} as const;

const sealContext = (merchantId: string, pmId: string) => ({ merchant_id: merchantId, payment_method_id: pmId, purpose: 'card' });

export async function tokenizeCard(merchantId: string, input: CreatePaymentMethodRequest, deps: PaymentMethodDeps): Promise<StoredPaymentMethod> {
  const now = deps.clock.now();
  const v = validateCard({ number: input.card.number, expMonth: input.card.exp_month, expYear: input.card.exp_year }, now);
  if (!v.ok) throw new AppError('invalid_request', REJECTION_MESSAGES[v.reason], { param: `card.${v.param}` });
  const id = deps.ids.random('pm');
  const secret = JSON.stringify({ number: v.card.digits, holder_name: input.card.holder_name });
  const pm: StoredPaymentMethod = {
    id,
    merchantId,
    type: 'card',
    card: { brand: v.card.brand, last4: v.card.last4, expMonth: v.card.expMonth, expYear: v.card.expYear, bin: v.card.digits.slice(0, 6), fingerprint: await deps.vault.fingerprint('card', v.card.digits) },
    sealed: await deps.vault.seal(secret, sealContext(merchantId, id)),
    created: now.toISOString(),
  };
  await deps.paymentMethods.put(pm);
  return pm;
}

/** The card for one authorization, decrypted in memory only. */
export async function revealCard(pm: Pick<StoredPaymentMethod, 'id' | 'merchantId' | 'card' | 'sealed'>, vault: Vault): Promise<CardForAuthorization> {
  const secret = JSON.parse(await vault.open(pm.sealed, sealContext(pm.merchantId, pm.id))) as { number: string; holder_name?: string };
  return { number: secret.number, expMonth: pm.card.expMonth, expYear: pm.card.expYear, brand: pm.card.brand, fingerprint: pm.card.fingerprint, ...(secret.holder_name ? { holderName: secret.holder_name } : {}) };
}

export function paymentMethodView(pm: StoredPaymentMethod) {
  return {
    id: pm.id,
    object: 'payment_method' as const,
    type: pm.type,
    card: { brand: pm.card.brand, last4: pm.card.last4, exp_month: pm.card.expMonth, exp_year: pm.card.expYear, fingerprint: pm.card.fingerprint },
    created: pm.created,
  };
}
