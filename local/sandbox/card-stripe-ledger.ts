/**
 * The in-memory state of the Stripe-compatible sandbox: PaymentIntents, their charges, refunds and
 * balance transactions, shaped like Stripe's objects (https://docs.stripe.com/api/payment_intents/object)
 * for the fields our adapter and the reconciliation job read. Operations return either the object
 * or a Stripe error body; the server turns them into HTTP.
 */
import { randomId } from './http-util.js';

export interface StripeErrorBody {
  readonly status: number;
  readonly error: Record<string, unknown> & { type: string; message: string };
}

export interface CardSummary { readonly brand: string; readonly last4: string; readonly exp_month: number; readonly exp_year: number; readonly fingerprint: string }

export interface Intent {
  id: string;
  amount: number;
  currency: string;
  status: 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';
  capture_method: 'automatic' | 'manual';
  metadata: Record<string, string>;
  description: string | null;
  created: number;
  latest_charge: string | null;
  amount_capturable: number;
  amount_received: number;
  canceled_at: number | null;
  cancellation_reason: string | null;
  last_payment_error: Record<string, unknown> | null;
  payment_method: string;
}

export interface Charge {
  id: string;
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  status: 'succeeded' | 'failed';
  currency: string;
  created: number;
  payment_intent: string;
  metadata: Record<string, string>;
  outcome: Record<string, unknown>;
  failure_code: string | null;
  balance_transaction: string | null;
  payment_method_details: { type: 'card'; card: CardSummary };
}

export interface Refund { id: string; amount: number; charge: string; payment_intent: string; currency: string; status: 'succeeded'; reason: string | null; created: number; metadata: Record<string, string>; balance_transaction: string }

export interface BalanceTransaction {
  id: string;
  amount: number;
  currency: string;
  created: number;
  available_on: number;
  fee: number;
  net: number;
  source: string;
  type: 'charge' | 'refund';
  reporting_category: 'charge' | 'refund';
  status: 'available' | 'pending';
  description: string | null;
}

/** Sandbox pricing for balance transactions: 3.99% + 39 minor units per captured charge; refunds free. */
export const SANDBOX_FEE = { bps: 399, fixed: 39 } as const;

const unexpectedState = (intent: Intent, action: string): StripeErrorBody => ({
  status: 400,
  error: {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `This PaymentIntent's ${action} could not be performed because it has a status of ${intent.status}.`,
    payment_intent: { ...intent, object: 'payment_intent' },
  },
});

export class StripeLedger {
  readonly intents = new Map<string, Intent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly balance: BalanceTransaction[] = [];

  constructor(private readonly nowSeconds: () => number) {}

  addIntent(fields: Omit<Intent, 'id' | 'created' | 'latest_charge' | 'amount_capturable' | 'amount_received' | 'canceled_at' | 'cancellation_reason' | 'last_payment_error' | 'payment_method' | 'status'>): Intent {
    const intent: Intent = {
      ...fields,
      id: randomId('pi_'),
      created: this.nowSeconds(),
      status: 'requires_payment_method',
      latest_charge: null,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      last_payment_error: null,
      payment_method: randomId('pm_'),
    };
    this.intents.set(intent.id, intent);
    return intent;
  }

  addCharge(intent: Intent, card: CardSummary, outcome: Record<string, unknown>, succeeded: boolean, failureCode: string | null): Charge {
    const charge: Charge = {
      id: randomId('ch_'),
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      refunded: false,
      status: succeeded ? 'succeeded' : 'failed',
      currency: intent.currency,
      created: this.nowSeconds(),
      payment_intent: intent.id,
      metadata: intent.metadata,
      outcome,
      failure_code: failureCode,
      balance_transaction: null,
      payment_method_details: { type: 'card', card },
    };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    if (succeeded) {
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
    }
    return charge;
  }

  capture(intent: Intent, amountToCapture: number | undefined): Intent | StripeErrorBody {
    if (intent.status !== 'requires_capture') return unexpectedState(intent, 'capture');
    const amount = amountToCapture ?? intent.amount_capturable;
    if (!Number.isInteger(amount) || amount < 1 || amount > intent.amount_capturable) {
      return { status: 400, error: { type: 'invalid_request_error', code: 'amount_too_large', param: 'amount_to_capture', message: `amount_to_capture must be between 1 and ${intent.amount_capturable}.` } };
    }
    const charge = this.charges.get(intent.latest_charge ?? '') as Charge;
    charge.captured = true;
    charge.amount_captured = amount;
    intent.status = 'succeeded';
    intent.amount_capturable = 0;
    intent.amount_received = amount;
    const fee = Math.round((amount * SANDBOX_FEE.bps) / 10_000) + SANDBOX_FEE.fixed;
    charge.balance_transaction = this.addBalance(charge.id, 'charge', amount, fee, intent.currency, intent.description).id;
    return intent;
  }

  cancel(intent: Intent, reason: string | undefined): Intent | StripeErrorBody {
    if (intent.status === 'succeeded' || intent.status === 'canceled') return unexpectedState(intent, 'cancel');
    intent.status = 'canceled';
    intent.amount_capturable = 0;
    intent.canceled_at = this.nowSeconds();
    intent.cancellation_reason = reason ?? null;
    return intent;
  }

  refund(intent: Intent, amount: number | undefined, reason: string | null, metadata: Record<string, string>): Refund | StripeErrorBody {
    const charge = this.charges.get(intent.latest_charge ?? '');
    if (!charge || !charge.captured) {
      return { status: 400, error: { type: 'invalid_request_error', code: 'charge_not_captured', message: 'This PaymentIntent has no captured charge to refund.' } };
    }
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining === 0) {
      return { status: 400, error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` } };
    }
    const value = amount ?? remaining;
    if (!Number.isInteger(value) || value < 1 || value > remaining) {
      return { status: 400, error: { type: 'invalid_request_error', code: 'amount_too_large', param: 'amount', message: `Refund amount (${value}) is greater than unrefunded amount on charge (${remaining}).` } };
    }
    charge.amount_refunded += value;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    const txn = this.addBalance(charge.id, 'refund', -value, 0, intent.currency, reason);
    const refund: Refund = { id: randomId('re_'), amount: value, charge: charge.id, payment_intent: intent.id, currency: intent.currency, status: 'succeeded', reason, created: this.nowSeconds(), metadata, balance_transaction: txn.id };
    txn.source = refund.id;
    this.refunds.set(refund.id, refund);
    return refund;
  }

  private addBalance(source: string, type: 'charge' | 'refund', amount: number, fee: number, currency: string, description: string | null): BalanceTransaction {
    const created = this.nowSeconds();
    const txn: BalanceTransaction = { id: randomId('txn_'), amount, currency, created, available_on: created + 2 * 86_400, fee, net: amount - fee, source, type, reporting_category: type, status: 'pending', description };
    this.balance.push(txn);
    return txn;
  }

  /** A PaymentIntent as Stripe returns it, with `latest_charge` expanded when asked. */
  renderIntent(intent: Intent, expandCharge: boolean): Record<string, unknown> {
    const charge = intent.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
    return {
      ...intent,
      object: 'payment_intent',
      livemode: false,
      latest_charge: expandCharge && charge ? { ...charge, object: 'charge', livemode: false } : intent.latest_charge,
    };
  }
}
