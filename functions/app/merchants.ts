import { buildEvent } from './events.js';
import { hashApiKey, keyHint, newApiKey } from '../core/api-keys.js';
import type { CreateMerchantRequest } from '../contracts/api/merchants.js';
import type { Merchant, MerchantStore } from './ports/merchant-store.js';
import type { Clock, Ids } from './ports/system.js';

export interface MerchantDeps {
  readonly merchants: MerchantStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly mode: 'test' | 'live';
}

/** Creates a merchant with its first secret key; the key is returned once and stored hashed. */
export async function createMerchant(input: CreateMerchantRequest, deps: MerchantDeps): Promise<{ merchant: Merchant; secretKey: string }> {
  const now = deps.clock.now();
  const merchant: Merchant = { id: deps.ids.random('mer'), name: input.name, defaultCurrency: input.default_currency, mode: deps.mode, created: now.toISOString(), ...(input.mcc ? { mcc: input.mcc } : {}), ...(input.fx_markup_bps !== undefined ? { fxMarkupBps: input.fx_markup_bps } : {}) };
  const secretKey = newApiKey('merchant', deps.mode, deps.ids.bytes(32));
  const key = { hash: hashApiKey(secretKey), keyId: deps.ids.random('key'), kind: 'merchant' as const, merchantId: merchant.id, status: 'active' as const, hint: keyHint(secretKey), created: merchant.created };
  const event = buildEvent({ type: 'merchant.created', merchantId: merchant.id, object: { object: 'merchant', id: merchant.id, name: merchant.name }, at: now, dedupeKey: merchant.id });
  await deps.merchants.create(merchant, key, event);
  return { merchant, secretKey };
}

export function merchantView(m: Merchant, secretKey?: string) {
  return { id: m.id, object: 'merchant' as const, name: m.name, default_currency: m.defaultCurrency, created: m.created, ...(m.mcc ? { mcc: m.mcc } : {}), ...(secretKey ? { secret_key: secretKey } : {}) };
}
