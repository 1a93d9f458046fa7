/**
 * Subscriptions: create (card on file or a Pix Automático recurrence the payer authorizes in
 * their bank app), retrieve, cancel. Billing itself happens in renew.ts, on the schedule.
 */
import type { Vault } from '../ports/vault.js';
import { invoiceTotals, InvoiceTotalError, type Interval, type LineItem, type Subscription } from '../../core/billing/index.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { deterministicId } from '../../core/ids.js';
import { createPixSubscription } from '../pix/automatico.js';
import { SubscriptionConflictError } from '../ports/subscription-store.js';
import type { BillingDeps } from './deps.js';

export interface CreateSubscriptionInput {
  readonly customer?: { readonly email?: string; readonly name?: string; readonly tax_id?: string };
  readonly payment_method: { readonly type: 'card'; readonly token: string } | { readonly type: 'pix'; readonly debtor: { readonly name: string; readonly tax_id: string } };
  readonly items: readonly LineItem[];
  readonly currency: string;
  readonly interval: Interval;
  readonly interval_count: number;
  readonly start_at?: string;
}

export async function createSubscription(merchantId: string, idempotencyKey: string, input: CreateSubscriptionInput, deps: BillingDeps): Promise<Subscription> {
  const id = deterministicId('sub', merchantId, idempotencyKey);
  const existing = await deps.subscriptions.get(merchantId, id);
  if (existing) return existing;
  try {
    invoiceTotals(input.items);
  } catch (err) {
    if (err instanceof InvoiceTotalError) throw invalid(err.message, err.param);
    throw err;
  }
  const now = deps.clock.now();
  const startAt = input.start_at ? new Date(input.start_at).toISOString() : now.toISOString();
  let paymentMethod: Subscription['payment_method'];
  let status: Subscription['status'] = 'active';
  if (input.payment_method.type === 'card') {
    const pm = await deps.paymentMethods.get(merchantId, input.payment_method.token);
    if (!pm) throw invalid(`No such payment method: ${input.payment_method.token}`, 'payment_method.token');
    paymentMethod = { type: 'card', token: pm.id };
  } else {
    // Pix Automático recurrences are monthly with one fixed amount in BRL (PIX_SPEC §3.6).
    if (input.currency !== 'brl') throw invalid('Pix subscriptions are charged in brl', 'currency');
    if (input.interval !== 'month' || input.interval_count !== 1) throw invalid('Pix Automático subscriptions renew monthly (interval month, interval_count 1)', 'interval');
    if (!deps.pix) throw new AppError('service_unavailable', 'Pix Automático is not configured');
    const rec = await createPixSubscription({
      contract: id.slice(0, 35), debtor: { name: input.payment_method.debtor.name, taxId: input.payment_method.debtor.tax_id },
      amount: invoiceTotals(input.items).total, startDate: startAt.slice(0, 10),
      ...(input.items[0] ? { description: input.items[0].description.slice(0, 35) } : {}),
    }, deps.pix().psp);
    paymentMethod = { type: 'pix', recurrence_id: rec.id, ...(rec.brcode ? { brcode: rec.brcode } : {}) };
    status = rec.status === 'approved' ? 'active' : 'incomplete';
  }
  const sub: Subscription = {
    id, merchant_id: merchantId, status,
    ...(input.customer && deps.vault ? { customer_sealed: await deps.vault.seal(JSON.stringify(input.customer), subscriptionCustomerContext(merchantId, id)) } : {}),
    payment_method: paymentMethod, items: input.items, currency: input.currency, interval: input.interval, interval_count: input.interval_count,
    start_at: startAt, current_period: 0, next_attempt_at: startAt, history: [], disputes: [], canceled_at: null,
    created: now.toISOString(), updated: now.toISOString(), version: 1,
  };
  return (await deps.subscriptions.create(sub)).subscription;
}

/** Binds a subscription's sealed customer data to that subscription. */
export const subscriptionCustomerContext = (merchantId: string, subscriptionId: string) => ({ merchant_id: merchantId, subscription_id: subscriptionId, purpose: 'customer' });

/** The customer data for the API view, opened from its sealed form. */
export async function subscriptionCustomer(s: Subscription, vault: Vault | undefined): Promise<{ email?: string; name?: string; tax_id?: string } | undefined> {
  if (!s.customer_sealed || !vault) return undefined;
  return JSON.parse(await vault.open(s.customer_sealed, subscriptionCustomerContext(s.merchant_id, s.id))) as { email?: string; name?: string; tax_id?: string };
}

export async function getSubscription(merchantId: string, id: string, deps: Pick<BillingDeps, 'subscriptions'>): Promise<Subscription> {
  const s = await deps.subscriptions.get(merchantId, id);
  if (!s) throw notFound('subscription');
  return s;
}

/** Cancels now: no further invoice is created or charged. Canceling twice answers the canceled one. */
export async function cancelSubscription(merchantId: string, id: string, deps: Pick<BillingDeps, 'subscriptions' | 'clock'>): Promise<Subscription> {
  for (let tries = 0; ; tries++) {
    const s = await getSubscription(merchantId, id, deps);
    if (s.status === 'canceled') return s;
    const at = deps.clock.now().toISOString();
    try {
      return await deps.subscriptions.update({ ...s, status: 'canceled', canceled_at: at, next_attempt_at: null, updated: at, version: s.version + 1 });
    } catch (err) {
      if (!(err instanceof SubscriptionConflictError) || tries >= 5) throw err;
    }
  }
}

/** Records a dispute on a subscription's payment (feeds the churn-risk flag). */
export async function recordSubscriptionDispute(merchantId: string, id: string, at: string, deps: Pick<BillingDeps, 'subscriptions'>): Promise<void> {
  for (let tries = 0; ; tries++) {
    const s = await deps.subscriptions.get(merchantId, id);
    if (!s || s.disputes.includes(at)) return;
    try {
      await deps.subscriptions.update({ ...s, disputes: [...s.disputes, at].slice(-20), version: s.version + 1 });
      return;
    } catch (err) {
      if (!(err instanceof SubscriptionConflictError) || tries >= 5) throw err;
    }
  }
}
