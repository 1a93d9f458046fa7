/**
 * The billing and triggers part of the composition root: subscription and trigger stores, and the
 * deps of renewals (card saga, Pix Automático) and trigger actions (card saga, payout batches).
 * Processors, Pix and payouts are only built when a use case asks for them.
 */
import { DynamoDbSubscriptionStore } from '../adapters/dynamodb/subscriptions.js';
import { DynamoDbTriggerStore } from '../adapters/dynamodb/triggers.js';
import type { BillingDeps } from '../app/billing/deps.js';
import type { CreatePaymentDeps } from '../app/payments.js';
import type { ReceiverAccount } from '../app/ports/pix-psp.js';
import type { SubscriptionStore } from '../app/ports/subscription-store.js';
import type { TriggerStore } from '../app/ports/trigger-store.js';
import type { EvaluateDeps } from '../app/triggers/evaluate.js';
import { AppError } from '../core/errors.js';
import { paymentWorkflow } from './root-payments.js';
import { payoutApiDeps } from './root-payouts.js';
import { pixPsp } from './root-pix.js';
import { cfg, clock, db, ids, once, paymentMethodStore, paymentStore, vault } from './root.js';

export const subscriptionStore = once((): SubscriptionStore => new DynamoDbSubscriptionStore(db(), cfg().tables.platform));
export const triggerStore = once((): TriggerStore => new DynamoDbTriggerStore(db(), cfg().tables.platform));

const cardPayments = (): CreatePaymentDeps => ({ payments: paymentStore(), paymentMethods: paymentMethodStore(), workflow: paymentWorkflow(), clock, vault: vault() });

const receiverAccount = (): ReceiverAccount => {
  const v = cfg().PIX_RECEIVER_ACCOUNT;
  if (!v) throw new AppError('service_unavailable', 'Pix Automático is not configured (PIX_RECEIVER_ACCOUNT)');
  const [branch, account, accountType] = v.split('/') as [string, string, ReceiverAccount['accountType']];
  return { ...(branch ? { branch } : {}), account, accountType };
};

export const billingDeps = once((): BillingDeps => ({
  subscriptions: subscriptionStore(), paymentMethods: paymentMethodStore(), clock, vault: vault(),
  cardPayments,
  pix: () => ({ psp: pixPsp(), receiverAccount: receiverAccount() }),
}));

export const triggerDeps = once(() => ({ triggers: triggerStore(), clock, ids }));

export const evaluateDeps = once((): EvaluateDeps => ({ triggers: triggerStore(), clock, payments: cardPayments, payouts: payoutApiDeps }));
