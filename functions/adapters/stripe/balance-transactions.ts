/**
 * Stripe's side of card reconciliation: balance transactions of type `charge` in the window
 * (https://docs.stripe.com/api/balance_transactions/list), joined to our payment id through the
 * charge's PaymentIntent metadata (`payment_id`, `merchant_id`, set by our authorize call).
 * The join lists PaymentIntents instead of expanding `data.source`, which the local sandbox does
 * not implement; both are the same two list calls' worth of pages.
 */
import type Stripe from 'stripe';
import type { ProcessorRecord } from '../../core/reconciliation/index.js';
import type { ProcessorRecordSource, Window } from '../../app/ports/reconciliation.js';
import { createStripeClient, type StripeClientOptions } from './client.js';

/** How far before the window a PaymentIntent may have been created and still be captured in it (auth validity). */
const INTENT_LOOKBACK_S = 31 * 86_400;

type Txn = { id: string; type: string; source: unknown; amount: number; currency: string; created: number };
type IntentLite = { latest_charge?: unknown; metadata?: Record<string, string> | null };

/** Pure: balance transactions + PaymentIntents → processor records. */
export function stripeRecords(txns: readonly Txn[], intents: readonly IntentLite[], source = 'stripe'): ProcessorRecord[] {
  const byCharge = new Map<string, Record<string, string>>();
  for (const i of intents) {
    const ch = typeof i.latest_charge === 'string' ? i.latest_charge : (i.latest_charge as { id?: string } | null)?.id;
    if (ch) byCharge.set(ch, i.metadata ?? {});
  }
  return txns.filter((t) => t.type === 'charge').map((t) => {
    const charge = typeof t.source === 'string' ? t.source : (t.source as { id?: string } | null)?.id ?? '';
    const meta = byCharge.get(charge);
    return {
      source, id: t.id, amount: t.amount, currency: t.currency, at: t.created * 1000,
      ...(meta?.['payment_id'] ? { reference: meta['payment_id'] } : {}),
      ...(meta?.['merchant_id'] ? { merchant_id: meta['merchant_id'] } : {}),
    };
  });
}

export class StripeBalanceRecords implements ProcessorRecordSource {
  readonly id: string;
  private readonly stripe: Stripe;

  constructor(options: StripeClientOptions & { id?: string; client?: Stripe }) {
    this.id = options.id ?? 'stripe';
    this.stripe = options.client ?? createStripeClient(options);
  }

  async list(w: Window): Promise<ProcessorRecord[]> {
    const from = Math.floor(w.from.getTime() / 1000);
    const to = Math.floor(w.to.getTime() / 1000);
    const txns: Txn[] = [];
    for await (const t of this.stripe.balanceTransactions.list({ created: { gte: from, lt: to }, limit: 100 })) txns.push(t as Txn);
    if (txns.length === 0) return [];
    const intents: IntentLite[] = [];
    for await (const i of this.stripe.paymentIntents.list({ created: { gte: from - INTENT_LOOKBACK_S, lt: to }, limit: 100 })) intents.push(i as IntentLite);
    return stripeRecords(txns, intents, this.id);
  }
}
