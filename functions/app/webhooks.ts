/**
 * Merchant webhooks: endpoints, signed deliveries, retries with exponential backoff for 24 h, then
 * dead-lettering; a delivery log per endpoint. Each (endpoint, event) is delivered under one
 * delivery record, so a redelivered bus event never produces a second delivery.
 */
import { AppError } from '../core/errors.js';
import { nextAttemptAt, SIGNATURE_HEADER, signPayload } from '../core/webhooks.js';
import type { EventDetail } from '../contracts/events.js';
import type { Clock, Ids } from './ports/system.js';
import type { Vault } from './ports/vault.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookSender, WebhookStore } from './ports/webhooks.js';

export interface WebhookDeps {
  readonly webhooks: WebhookStore;
  readonly vault: Vault;
  readonly sender: WebhookSender;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly random?: () => number;
}

const secretContext = (ep: { merchant_id: string; id: string }) => ({ merchant_id: ep.merchant_id, webhook_endpoint_id: ep.id, purpose: 'webhook_secret' });

export async function createEndpoint(merchantId: string, input: { url: string; events: string[] }, deps: Pick<WebhookDeps, 'webhooks' | 'vault' | 'clock' | 'ids'>): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const id = deps.ids.random('we');
  const secret = `whsec_${Buffer.from(deps.ids.bytes(24)).toString('base64url')}`;
  const endpoint: WebhookEndpoint = {
    id, merchant_id: merchantId, url: input.url, events: input.events, status: 'enabled',
    secret: await deps.vault.seal(secret, secretContext({ merchant_id: merchantId, id })), created: deps.clock.now().toISOString(),
  };
  await deps.webhooks.createEndpoint(endpoint);
  return { endpoint, secret };
}

export function endpointView(ep: WebhookEndpoint, secret?: string) {
  return { id: ep.id, object: 'webhook_endpoint' as const, url: ep.url, events: ep.events, status: ep.status, created: ep.created, ...(secret ? { secret } : {}) };
}

export function deliveryView(d: WebhookDelivery) {
  return {
    id: d.id, object: 'webhook_delivery' as const, event_id: d.event_id, event_type: d.event_type, status: d.status, attempts: d.attempts,
    ...(d.next_attempt_at ? { next_attempt_at: new Date(d.next_attempt_at).toISOString() } : {}),
    ...(d.last_status_code !== undefined ? { last_status_code: d.last_status_code } : {}), ...(d.last_error ? { last_error: d.last_error } : {}),
    created: d.created, updated: d.updated,
  };
}

/** The event as merchants receive it (Stripe-like envelope). */
export function eventBody(e: EventDetail): string {
  return JSON.stringify({ id: e.id, object: 'event', type: e.type, created: e.created, data: e.data });
}

export async function attemptDelivery(d: WebhookDelivery, deps: WebhookDeps): Promise<WebhookDelivery> {
  const ep = await deps.webhooks.getEndpoint(d.merchant_id, d.endpoint_id);
  const now = deps.clock.now();
  if (!ep || ep.status !== 'enabled') {
    const dropped: WebhookDelivery = { ...d, status: 'dead_lettered', last_error: 'endpoint disabled or removed', updated: now.toISOString() };
    await deps.webhooks.saveDelivery(dropped);
    return dropped;
  }
  const secret = await deps.vault.open(ep.secret, secretContext(ep));
  const signature = signPayload(secret, Math.floor(now.getTime() / 1000), d.body);
  const r = await deps.sender.post(ep.url, { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature, 'user-agent': 'Smart-Agent-Pay-Webhooks/1' }, d.body);
  const attempts = d.attempts + 1;
  const ok = r.status !== undefined && r.status >= 200 && r.status < 300;
  const after = deps.clock.now();
  let next: WebhookDelivery;
  if (ok) {
    next = { ...d, status: 'delivered', attempts, last_status_code: r.status!, updated: after.toISOString() };
    delete (next as { next_attempt_at?: number }).next_attempt_at;
  } else {
    const at = nextAttemptAt(d.first_attempt_at, attempts, after.getTime(), (deps.random ?? Math.random)());
    next = {
      ...d, attempts, updated: after.toISOString(),
      ...(r.status !== undefined ? { last_status_code: r.status } : {}), ...(r.error ? { last_error: r.error } : {}),
      ...(at === undefined ? { status: 'dead_lettered' as const, next_attempt_at: undefined } : { status: 'pending' as const, next_attempt_at: at }),
    };
  }
  await deps.webhooks.saveDelivery(next);
  return next;
}

/** Consumer of public events: one delivery per subscribed endpoint, attempted at once. */
export async function deliverEvent(e: EventDetail, deps: WebhookDeps): Promise<WebhookDelivery[]> {
  const endpoints = (await deps.webhooks.listEndpoints(e.merchant_id)).filter((ep) => ep.status === 'enabled' && (ep.events.includes('*') || ep.events.includes(e.type)));
  const out: WebhookDelivery[] = [];
  for (const ep of endpoints) {
    const now = deps.clock.now();
    const d: WebhookDelivery = {
      id: `${ep.id}:${e.id}`, endpoint_id: ep.id, merchant_id: e.merchant_id, event_id: e.id, event_type: e.type, body: eventBody(e),
      status: 'pending', attempts: 0, first_attempt_at: now.getTime(), next_attempt_at: now.getTime(), created: now.toISOString(), updated: now.toISOString(),
    };
    if (await deps.webhooks.createDelivery(d)) out.push(await attemptDelivery(d, deps));
  }
  return out;
}

export async function retryDueDeliveries(deps: WebhookDeps, limit = 100): Promise<number> {
  const due = await deps.webhooks.dueDeliveries(deps.clock.now().getTime(), limit);
  await Promise.all(due.map((d) => attemptDelivery(d, deps)));
  return due.length;
}

export function checkWebhookUrl(url: string, allowPrivate: boolean): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('invalid_request', 'url must be an absolute URL', { param: 'url' });
  }
  if (u.protocol !== 'https:' && !(allowPrivate && u.protocol === 'http:')) throw new AppError('invalid_request', 'url must use https', { param: 'url' });
  // Deliveries must not be aimed at our own network (SSRF) outside local mode.
  if (!allowPrivate && /^(localhost|127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?$)/.test(u.hostname)) {
    throw new AppError('invalid_request', 'url must be publicly reachable', { param: 'url' });
  }
}
