import type { EventDetail } from '../../contracts/events.js';

export interface Merchant {
  readonly id: string;
  readonly name: string;
  readonly defaultCurrency: string;
  readonly mode: 'test' | 'live';
  readonly created: string;
  /** Merchant category code (ISO 18245), checked against agent mandates' allowed categories. */
  readonly mcc?: string;
  /** FX markup in basis points applied to this merchant's quotes (default from config). */
  readonly fxMarkupBps?: number;
}

/** What is stored of an API key: its hash and whom it acts for — never the key. */
export interface ApiKeyRecord {
  readonly hash: string;
  readonly keyId: string;
  readonly kind: 'merchant' | 'agent';
  readonly merchantId: string;
  readonly agentId?: string;
  readonly mandateId?: string;
  readonly status: 'active' | 'revoked';
  readonly hint: string;
  readonly created: string;
}

export interface MerchantStore {
  /** Merchant, its first key and the `merchant.created` event, atomically. */
  create(merchant: Merchant, key: ApiKeyRecord, event: EventDetail): Promise<void>;
  get(id: string): Promise<Merchant | undefined>;
  findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
}
