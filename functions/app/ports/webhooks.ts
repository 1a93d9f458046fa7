import type { Sealed } from './vault.js';

export interface WebhookEndpoint {
  readonly id: string;
  readonly merchant_id: string;
  readonly url: string;
  /** Event types, or `*` for all public events. */
  readonly events: readonly string[];
  readonly status: 'enabled' | 'disabled';
  /** The signing secret, sealed in the vault (it must be recoverable to sign). */
  readonly secret: Sealed;
  readonly created: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead_lettered';

export interface WebhookDelivery {
  readonly id: string;
  readonly endpoint_id: string;
  readonly merchant_id: string;
  readonly event_id: string;
  readonly event_type: string;
  /** The exact body sent on every attempt (receivers dedupe by the event id inside it). */
  readonly body: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly first_attempt_at: number;
  readonly next_attempt_at?: number;
  readonly last_status_code?: number;
  readonly last_error?: string;
  readonly created: string;
  readonly updated: string;
}

export interface WebhookStore {
  createEndpoint(ep: WebhookEndpoint): Promise<void>;
  listEndpoints(merchantId: string): Promise<WebhookEndpoint[]>;
  getEndpoint(merchantId: string, id: string): Promise<WebhookEndpoint | undefined>;
  /** Creates the delivery unless one exists for (endpoint, event): false for a duplicate event. */
  createDelivery(d: WebhookDelivery): Promise<boolean>;
  saveDelivery(d: WebhookDelivery): Promise<void>;
  /** Pending deliveries whose next attempt is due at `nowMs`, oldest first. */
  dueDeliveries(nowMs: number, limit: number): Promise<WebhookDelivery[]>;
  listDeliveries(merchantId: string, endpointId: string, limit: number): Promise<WebhookDelivery[]>;
}

export interface WebhookSender {
  post(url: string, headers: Record<string, string>, body: string): Promise<{ status?: number; error?: string }>;
}
