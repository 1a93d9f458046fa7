/**
 * Route handlers of the Adyen-compatible sandbox: the Checkout API subset our adapter calls
 * (`/payments`, `/payments/{psp}/captures|cancels|refunds`, `/cancels`), shaped like Checkout v72
 * (https://docs.adyen.com/api-explorer/Checkout/72), plus sandbox-only reads. Amounts are Adyen
 * minor units with upper-case currency. Only last4, brand and a keyed fingerprint of a card are kept.
 */
import type { CardBehaviour, CardOutcome } from './card-behaviour.js';
import type { AdyenNotificationDraft } from './card-adyen-notify.js';
import { randomId } from './http-util.js';

export interface AdyenAmount { value: number; currency: string }
export interface SandboxAdyenPayment {
  pspReference: string;
  merchantReference: string;
  paymentId: string;
  amount: AdyenAmount;
  status: 'authorised' | 'refused' | 'captured' | 'cancelled';
  capturedValue: number;
  refundedValue: number;
  card: { last4: string; brand: string; fingerprint: string };
  created: string;
}
/** One row per booked movement, named after Adyen's Settlement Details Report columns. */
export interface SettlementRecord {
  merchantAccount: string;
  pspReference: string;
  modificationReference: string;
  merchantReference: string;
  paymentMethod: string;
  creationDate: string;
  type: 'Settled' | 'Refunded';
  grossCurrency: string;
  grossCredit: number;
  grossDebit: number;
  netCurrency: string;
  commission: number;
  netCredit: number;
  netDebit: number;
}
export interface AdyenState {
  readonly merchantAccount: string;
  readonly payments: Map<string, SandboxAdyenPayment>;
  readonly settlement: SettlementRecord[];
}
export interface AdyenRouteContext {
  readonly state: AdyenState;
  readonly behaviour: CardBehaviour;
  readonly now: () => Date;
  readonly successRate: number;
  readonly idempotencyKey: string;
  /** Sends the modification's standard webhook (card-adyen-notify.ts), when the server has a notifier. */
  readonly notify?: (n: AdyenNotificationDraft) => void;
  /** False: a refund is answered `received` but fails (REFUND success false), nothing is booked. */
  readonly refundSuccess?: boolean;
}
export interface RouteResult { readonly status: number; readonly body: unknown }

/** Sandbox pricing in settlement: 2.99% + 10 minor units per settled capture; refunds free. */
export const SANDBOX_COMMISSION = { bps: 299, fixed: 10 } as const;

const psp = (): string => randomId('', 16).toUpperCase().replace(/[^0-9A-Z]/g, '7');
const validation = (errorCode: string, message: string): RouteResult => ({ status: 422, body: { status: 422, errorCode, message, errorType: 'validation' } });
const unknownPayment = (): RouteResult => validation('167', 'Original pspReference required for this operation');
type Body = Record<string, unknown>;
const rec = (v: unknown): Body => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Body) : {});
const amountOf = (v: unknown): AdyenAmount | undefined => {
  const a = rec(v);
  return Number.isInteger(a.value) && (a.value as number) > 0 && typeof a.currency === 'string' && /^[A-Z]{3}$/.test(a.currency) ? { value: a.value as number, currency: a.currency } : undefined;
};

export function routeAdyen(method: string, path: string, body: Body, ctx: AdyenRouteContext): RouteResult {
  const m = /^\/v\d+(\/.*)$/.exec(path);
  const sub = m?.[1];
  if (method !== 'POST' || sub === undefined) return { status: 404, body: { status: 404, errorCode: '000', message: 'Not found', errorType: 'validation' } };
  if (body.merchantAccount !== ctx.state.merchantAccount) return validation('901', 'Invalid Merchant Account');
  if (sub === '/payments') return payments(body, ctx);
  if (sub === '/cancels') return cancelsByReference(body, ctx);
  const mod = /^\/payments\/([^/]+)\/(captures|cancels|refunds)$/.exec(sub);
  if (!mod) return { status: 404, body: { status: 404, errorCode: '000', message: 'Not found', errorType: 'validation' } };
  const payment = ctx.state.payments.get(mod[1] as string);
  if (!payment) return unknownPayment();
  if (mod[2] === 'captures') return capture(payment, body, ctx);
  if (mod[2] === 'cancels') return cancel(payment, body, ctx);
  return refund(payment, body, ctx);
}

function payments(body: Body, ctx: AdyenRouteContext): RouteResult {
  const amount = amountOf(body.amount);
  if (!amount) return validation('137', 'Invalid amount specified');
  const reference = body.reference;
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 80) return validation('130', 'Reference Missing');
  const pm = rec(body.paymentMethod);
  const number = typeof pm.number === 'string' ? pm.number : '';
  const expMonth = Number(pm.expiryMonth);
  const expYear = Number(pm.expiryYear);
  if (pm.type !== 'scheme' || !number || !Number.isInteger(expMonth) || !Number.isInteger(expYear)) return validation('000', 'paymentMethod of type scheme with number, expiryMonth and expiryYear required');
  const paymentId = typeof rec(body.metadata).payment_id === 'string' ? (rec(body.metadata).payment_id as string) : reference;
  const outcome = ctx.behaviour.decide({ processor: 'adyen', paymentId, number, expMonth, expYear, idempotencyKey: ctx.idempotencyKey, successRate: ctx.successRate, now: ctx.now() });
  if (outcome.kind === 'invalid' && outcome.reason === 'incorrect_number') return validation('101', 'Invalid card number');
  const payment: SandboxAdyenPayment = {
    pspReference: psp(), merchantReference: reference, paymentId, amount, status: 'refused', capturedValue: 0, refundedValue: 0,
    card: ctx.behaviour.describe(number), created: ctx.now().toISOString(),
  };
  ctx.state.payments.set(payment.pspReference, payment);
  const base = { pspReference: payment.pspReference, merchantReference: reference, amount };
  if (outcome.kind !== 'approved') return { status: 200, body: { ...base, ...refusal(outcome) } };
  payment.status = 'authorised';
  // captureDelayHours 0 = capture immediately; manualCapture = wait for /captures.
  if (body.captureDelayHours === 0 && rec(body.additionalData).manualCapture !== 'true') settle(payment, amount.value, payment.pspReference, ctx);
  return {
    status: 200,
    body: {
      ...base,
      resultCode: 'Authorised',
      additionalData: { authCode: String(100000 + (payment.pspReference.charCodeAt(0) % 900000)), fraudResultType: outcome.highRisk ? 'AMBER' : 'GREEN', fraudManualReview: 'false', paymentMethod: payment.card.brand, cardSummary: payment.card.last4 },
      fraudResult: { accountScore: outcome.highRisk ? 85 : 10, results: [] },
    },
  };
}

/** Refusal fields per outcome (https://docs.adyen.com/development-resources/refusal-reasons). */
function refusal(o: Exclude<CardOutcome, { kind: 'approved' }>): Body {
  switch (o.kind) {
    case 'declined':
      return o.reason === 'insufficient_funds'
        ? { resultCode: 'Refused', refusalReason: 'Not enough balance', refusalReasonCode: '12', additionalData: { refusalReasonRaw: '51 : Insufficient funds' } }
        : { resultCode: 'Refused', refusalReason: 'Refused', refusalReasonCode: '2', additionalData: { refusalReasonRaw: '05 : Do not honor' } };
    case 'invalid':
      return { resultCode: 'Refused', refusalReason: 'Expired Card', refusalReasonCode: '6', additionalData: { refusalReasonRaw: '54 : Expired card' } };
    case 'processing_error':
      return { resultCode: 'Error', refusalReason: 'Acquirer Error', refusalReasonCode: '4' };
  }
}

function capture(payment: SandboxAdyenPayment, body: Body, ctx: AdyenRouteContext): RouteResult {
  const amount = amountOf(body.amount);
  if (!amount || amount.currency !== payment.amount.currency || amount.value > payment.amount.value) return validation('137', 'Invalid amount specified');
  if (payment.status !== 'authorised') return validation('000', `Payment is ${payment.status}, not authorised`);
  const ref = psp();
  settle(payment, amount.value, ref, ctx);
  ctx.notify?.({ eventCode: 'CAPTURE', success: true, pspReference: ref, originalReference: payment.pspReference, ...reference(body), amount });
  return { status: 201, body: { merchantAccount: ctx.state.merchantAccount, paymentPspReference: payment.pspReference, pspReference: ref, reference: body.reference, amount, status: 'received' } };
}

/** Adyen answers `received` and reports the outcome by webhook; the sandbox applies it at once. */
function cancel(payment: SandboxAdyenPayment, body: Body, ctx: AdyenRouteContext): RouteResult {
  const ok = payment.status === 'authorised';
  if (ok) payment.status = 'cancelled';
  const ref = psp();
  ctx.notify?.({ eventCode: 'CANCELLATION', success: ok, pspReference: ref, originalReference: payment.pspReference, ...reference(body), amount: payment.amount, ...(ok ? {} : { reason: `Payment is ${payment.status}` }) });
  return { status: 201, body: { merchantAccount: ctx.state.merchantAccount, paymentPspReference: payment.pspReference, pspReference: ref, reference: body.reference, status: 'received' } };
}

function cancelsByReference(body: Body, ctx: AdyenRouteContext): RouteResult {
  const ref = body.paymentReference;
  if (typeof ref !== 'string' || ref.length === 0) return validation('000', 'paymentReference required');
  for (const p of ctx.state.payments.values()) if (p.merchantReference === ref && p.status === 'authorised') p.status = 'cancelled';
  return { status: 201, body: { merchantAccount: ctx.state.merchantAccount, paymentReference: ref, pspReference: psp(), reference: body.reference, status: 'received' } };
}

/** Over-refunds are refused synchronously here; live Adyen may instead accept and fail the REFUND webhook. */
function refund(payment: SandboxAdyenPayment, body: Body, ctx: AdyenRouteContext): RouteResult {
  const amount = amountOf(body.amount);
  if (payment.status !== 'captured') return validation('000', `Payment is ${payment.status}, not captured`);
  const remaining = payment.capturedValue - payment.refundedValue;
  if (!amount || amount.currency !== payment.amount.currency || amount.value > remaining) return validation('137', 'Invalid amount specified');
  const ref = psp();
  if (ctx.refundSuccess === false) {
    ctx.notify?.({ eventCode: 'REFUND', success: false, pspReference: ref, originalReference: payment.pspReference, ...reference(body), amount, reason: 'Refund declined by the acquirer' });
  } else {
    payment.refundedValue += amount.value;
    ctx.state.settlement.push(record(payment, ref, 'Refunded', amount.value, 0, ctx));
    ctx.notify?.({ eventCode: 'REFUND', success: true, pspReference: ref, originalReference: payment.pspReference, ...reference(body), amount });
  }
  return { status: 201, body: { merchantAccount: ctx.state.merchantAccount, paymentPspReference: payment.pspReference, pspReference: ref, reference: body.reference, amount, status: 'received' } };
}

const reference = (body: Body): { merchantReference?: string } => (typeof body.reference === 'string' && body.reference ? { merchantReference: body.reference } : {});

function settle(payment: SandboxAdyenPayment, value: number, modificationReference: string, ctx: AdyenRouteContext): void {
  payment.status = 'captured';
  payment.capturedValue = value;
  const commission = Math.round((value * SANDBOX_COMMISSION.bps) / 10_000) + SANDBOX_COMMISSION.fixed;
  ctx.state.settlement.push(record(payment, modificationReference, 'Settled', value, commission, ctx));
}

function record(p: SandboxAdyenPayment, modificationReference: string, type: SettlementRecord['type'], value: number, commission: number, ctx: AdyenRouteContext): SettlementRecord {
  const credit = type === 'Settled';
  return {
    merchantAccount: ctx.state.merchantAccount, pspReference: p.pspReference, modificationReference, merchantReference: p.merchantReference,
    paymentMethod: p.card.brand, creationDate: ctx.now().toISOString(), type, grossCurrency: p.amount.currency,
    grossCredit: credit ? value : 0, grossDebit: credit ? 0 : value, netCurrency: p.amount.currency, commission,
    netCredit: credit ? value - commission : 0, netDebit: credit ? 0 : value,
  };
}
