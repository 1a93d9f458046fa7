/**
 * Route handlers of the Stripe-compatible sandbox. Each returns `{ status, body }`; the server
 * deals with HTTP, auth and idempotency. Shapes follow https://docs.stripe.com/api.
 */
import type { CardBehaviour, CardOutcome } from './card-behaviour.js';
import type { Intent, StripeErrorBody, StripeLedger } from './card-stripe-ledger.js';
import type { FormObject, FormValue } from './http-util.js';

export interface StripeRouteContext {
  readonly ledger: StripeLedger;
  readonly behaviour: CardBehaviour;
  readonly now: () => Date;
  readonly successRate: number;
  readonly idempotencyKey: string;
}
export interface RouteResult { readonly status: number; readonly body: unknown }

const invalid = (message: string, param?: string): RouteResult => ({ status: 400, body: { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } } });
const missing = (kind: string, id: string, param: string): RouteResult => ({ status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` } } });
const fromError = (e: StripeErrorBody): RouteResult => ({ status: e.status, body: { error: e.error } });
const str = (v: FormValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: FormValue | undefined): FormObject => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
const int = (v: FormValue | undefined): number | undefined => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined);
const stringMap = (v: FormValue | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));
const expands = (p: FormObject, field: string): boolean => {
  const e = p.expand;
  return (Array.isArray(e) ? e : typeof e === 'string' ? [e] : Object.values(obj(e))).includes(field);
};

export function routeStripe(method: string, path: string, p: FormObject, ctx: StripeRouteContext): RouteResult {
  const m = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel))?$/.exec(path);
  if (method === 'POST' && path === '/v1/payment_intents') return createIntent(p, ctx);
  if (method === 'GET' && path === '/v1/payment_intents/search') return searchIntents(p, ctx.ledger);
  if (method === 'GET' && path === '/v1/payment_intents') return list('/v1/payment_intents', [...ctx.ledger.intents.values()].map((i) => ctx.ledger.renderIntent(i, false)), p);
  if (m) {
    const intent = ctx.ledger.intents.get(m[1] as string);
    if (!intent) return missing('payment_intent', m[1] as string, 'intent');
    const expand = expands(p, 'latest_charge');
    if (method === 'GET' && !m[2]) return { status: 200, body: ctx.ledger.renderIntent(intent, expand) };
    if (method === 'POST' && m[2] === 'capture') return result(ctx.ledger.capture(intent, int(p.amount_to_capture)), ctx.ledger, expand);
    if (method === 'POST' && m[2] === 'cancel') return result(ctx.ledger.cancel(intent, str(p.cancellation_reason)), ctx.ledger, expand);
  }
  if (method === 'POST' && path === '/v1/refunds') return createRefund(p, ctx.ledger);
  if (method === 'GET' && path === '/v1/balance_transactions') return balanceTransactions(p, ctx.ledger);
  return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } } };
}

function result(r: Intent | StripeErrorBody, ledger: StripeLedger, expand: boolean): RouteResult {
  return 'error' in r ? fromError(r) : { status: 200, body: ledger.renderIntent(r, expand) };
}

function createIntent(p: FormObject, ctx: StripeRouteContext): RouteResult {
  const amount = int(p.amount);
  const currency = str(p.currency);
  if (amount === undefined || amount < 1) return invalid('Missing or invalid required param: amount.', 'amount');
  if (!currency || !/^[a-z]{3}$/.test(currency)) return invalid('Missing or invalid required param: currency.', 'currency');
  if (str(p.confirm) !== 'true') return invalid('This sandbox only supports confirm=true.', 'confirm');
  const captureMethod = str(p.capture_method) ?? 'automatic';
  if (captureMethod !== 'automatic' && captureMethod !== 'manual') return invalid('Invalid capture_method.', 'capture_method');
  const pmd = obj(p.payment_method_data);
  const card = obj(pmd.card);
  const number = str(card.number);
  const expMonth = int(card.exp_month);
  const expYear = int(card.exp_year);
  if (str(pmd.type) !== 'card' || !number || expMonth === undefined || expYear === undefined) {
    return invalid('payment_method_data[type]=card with card[number], card[exp_month] and card[exp_year] is required.', 'payment_method_data');
  }
  const metadata = stringMap(p.metadata);
  const outcome = ctx.behaviour.decide({
    processor: 'stripe', paymentId: metadata.payment_id ?? ctx.idempotencyKey, number, expMonth, expYear,
    idempotencyKey: ctx.idempotencyKey, successRate: ctx.successRate, now: ctx.now(),
  });
  if (outcome.kind === 'invalid') {
    const message = outcome.reason === 'incorrect_number' ? 'Your card number is incorrect.' : 'Your card has expired.';
    return { status: 402, body: { error: { type: 'card_error', code: outcome.reason, param: outcome.reason === 'incorrect_number' ? 'number' : 'exp_year', message } } };
  }
  const intent = ctx.ledger.addIntent({ amount, currency, capture_method: captureMethod, metadata, description: str(p.description) ?? null });
  const summary = { ...ctx.behaviour.describe(number), exp_month: expMonth, exp_year: expYear };
  const charge = ctx.ledger.addCharge(intent, summary, outcomeObject(outcome), outcome.kind === 'approved', failure(outcome)?.code ?? null);
  const fail = failure(outcome);
  if (fail) {
    const error = { type: 'card_error', charge: charge.id, ...fail, doc_url: `https://docs.stripe.com/error-codes/${fail.code.replace(/_/g, '-')}` };
    intent.last_payment_error = error;
    return { status: 402, body: { error: { ...error, payment_intent: ctx.ledger.renderIntent(intent, false) } } };
  }
  if (captureMethod === 'automatic') ctx.ledger.capture(intent, undefined);
  return { status: 200, body: ctx.ledger.renderIntent(intent, expands(p, 'latest_charge')) };
}

/** Stripe's error fields for a failed outcome (https://docs.stripe.com/declines/codes). */
function failure(o: CardOutcome): { code: string; decline_code?: string; advice_code?: string; message: string } | undefined {
  switch (o.kind) {
    case 'approved':
    case 'invalid':
      return undefined;
    case 'declined':
      return o.reason === 'insufficient_funds'
        ? { code: 'card_declined', decline_code: 'insufficient_funds', advice_code: 'try_again_later', message: 'Your card has insufficient funds.' }
        : { code: 'card_declined', decline_code: 'generic_decline', advice_code: 'do_not_try_again', message: 'Your card was declined.' };
    case 'processing_error':
      return { code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' };
  }
}

/** Charge `outcome` (https://docs.stripe.com/api/charges/object#charge_object-outcome). */
function outcomeObject(o: CardOutcome): Record<string, unknown> {
  if (o.kind === 'approved') {
    return o.highRisk
      ? { network_status: 'approved_by_network', reason: 'elevated_risk_level', risk_level: 'elevated', risk_score: 85, seller_message: 'Stripe evaluated this payment as having elevated risk.', type: 'manual_review' }
      : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', risk_score: 12, seller_message: 'Payment complete.', type: 'authorized' };
  }
  if (o.kind === 'declined') return { network_status: 'declined_by_network', reason: o.reason === 'insufficient_funds' ? 'insufficient_funds' : 'generic_decline', risk_level: 'normal', risk_score: 12, seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' };
  return { network_status: 'not_sent_to_network', reason: 'processing_error', risk_level: 'normal', risk_score: 12, seller_message: 'An error occurred while processing this payment.', type: 'invalid' };
}

function createRefund(p: FormObject, ledger: StripeLedger): RouteResult {
  const piId = str(p.payment_intent);
  if (!piId) return invalid('This sandbox refunds by payment_intent.', 'payment_intent');
  const intent = ledger.intents.get(piId);
  if (!intent) return missing('payment_intent', piId, 'payment_intent');
  const reason = str(p.reason) ?? null;
  if (reason !== null && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) return invalid('Invalid reason.', 'reason');
  const r = ledger.refund(intent, int(p.amount), reason, stringMap(p.metadata));
  return 'error' in r ? fromError(r) : { status: 200, body: { ...r, object: 'refund' } };
}

/**
 * Search over metadata and status, the subset our adapter uses
 * (https://docs.stripe.com/search#search-query-language): clauses `metadata['k']:'v'` and
 * `status:'v'` joined by AND; quotes inside values escaped as `\'`.
 */
function searchIntents(p: FormObject, ledger: StripeLedger): RouteResult {
  const query = str(p.query) ?? '';
  const clause = /^\s*(metadata\['([^']+)'\]|status):'((?:[^'\\]|\\.)*)'\s*$/;
  const tests: Array<(i: Intent) => boolean> = [];
  for (const part of query.split(/\s+AND\s+/)) {
    const m = clause.exec(part);
    if (!m) return invalid(`Unsupported search query: ${query}`, 'query');
    const value = (m[3] as string).replace(/\\(.)/g, '$1');
    const metaKey = m[2];
    tests.push(metaKey !== undefined ? (i) => i.metadata[metaKey] === value : (i) => i.status === value);
  }
  const data = [...ledger.intents.values()].filter((i) => tests.every((t) => t(i))).map((i) => ledger.renderIntent(i, false));
  return { status: 200, body: { object: 'search_result', url: '/v1/payment_intents/search', has_more: false, next_page: null, data } };
}

/** Balance transactions for reconciliation, newest first, with `created[gte|lte|gt|lt]` and cursor pagination. */
function balanceTransactions(p: FormObject, ledger: StripeLedger): RouteResult {
  const created = obj(p.created);
  const bound = (k: string): number | undefined => int(created[k]);
  const [gte, lte, gt, lt] = [bound('gte'), bound('lte'), bound('gt'), bound('lt')];
  const rows = ledger.balance
    .filter((t) => (gte === undefined || t.created >= gte) && (lte === undefined || t.created <= lte) && (gt === undefined || t.created > gt) && (lt === undefined || t.created < lt))
    .map((t) => ({ ...t, object: 'balance_transaction' }));
  return list('/v1/balance_transactions', rows.reverse(), p);
}

function list(url: string, rows: Array<Record<string, unknown>>, p: FormObject): RouteResult {
  const limit = Math.min(Math.max(int(p.limit) ?? 10, 1), 100);
  const after = str(p.starting_after);
  const start = after === undefined ? 0 : rows.findIndex((r) => r.id === after) + 1;
  const page = rows.slice(start, start + limit);
  return { status: 200, body: { object: 'list', url, has_more: start + limit < rows.length, data: page } };
}
