/**
 * Renewals, run by the SubscriptionRenewals schedule: for each due subscription, the period's
 * invoice (numbered once) is charged — cards through createCardPayment (the same saga as
 * `POST /v1/payments`), Pix through the Pix Automático cycle charge. Every charge is keyed by
 * (subscription, period, attempt): a re-run, a second worker or a crash after charging reaches the
 * same payment, so a period is paid at most once; the invoice moving to `paid` ends its retries.
 * A failed card renewal is retried on the dunning plan (core/billing/dunning.ts) or stopped.
 */
import { invoiceNumber, invoiceTotals, periodBounds, periodStart, planDunning, type BillingRecord, type Invoice, type Subscription } from '../../core/billing/index.js';
import { AppError } from '../../core/errors.js';
import { deterministicId } from '../../core/ids.js';
import type { Payment } from '../../core/payments/index.js';
import { createCardPayment } from '../payments.js';
import { billPixSubscriptionCycle } from '../pix/automatico.js';
import { SubscriptionConflictError } from '../ports/subscription-store.js';
import type { BillingDeps } from './deps.js';

export type RenewalOutcome = 'paid' | 'retry_scheduled' | 'stopped' | 'pending' | 'skipped';

/** How soon a renewal whose outcome is not known yet (saga in review, Pix not paid yet) is looked at again. */
const RECHECK_MS = 15 * 60_000;
const HISTORY_KEPT = 24;

const withRecord = (s: Subscription, r: BillingRecord): readonly BillingRecord[] => [...s.history, r].slice(-HISTORY_KEPT);

async function saveSub(deps: BillingDeps, s: Subscription, patch: Partial<Subscription>): Promise<void> {
  const at = deps.clock.now().toISOString();
  try {
    await deps.subscriptions.update({ ...s, ...patch, updated: at, version: s.version + 1 });
  } catch (err) {
    // Another worker moved it first; the next run starts from what it wrote (charges are keyed).
    if (!(err instanceof SubscriptionConflictError)) throw err;
  }
}

async function saveInvoice(deps: BillingDeps, inv: Invoice, patch: Partial<Invoice>): Promise<Invoice> {
  return deps.subscriptions.updateInvoice({ ...inv, ...patch, version: inv.version + 1 });
}

/** The invoice paid: the subscription moves to its next period. */
async function advance(deps: BillingDeps, s: Subscription, inv: Invoice): Promise<RenewalOutcome> {
  const paidBefore = s.history.some((h) => h.period === inv.period.index && h.outcome === 'paid');
  const next = s.current_period + 1;
  await saveSub(deps, s, {
    status: 'active', current_period: next, next_attempt_at: periodStart(s.start_at, s.interval, s.interval_count, next).toISOString(),
    history: paidBefore ? s.history : withRecord(s, { period: inv.period.index, outcome: 'paid', amount: inv.total, at: inv.paid_at ?? deps.clock.now().toISOString() }),
  });
  return 'paid';
}

async function stop(deps: BillingDeps, s: Subscription): Promise<RenewalOutcome> {
  await saveSub(deps, s, { status: 'unpaid', next_attempt_at: null });
  return 'stopped';
}

async function chargeCard(deps: BillingDeps, s: Subscription, inv: Invoice, token: string): Promise<RenewalOutcome> {
  if (!deps.cardPayments) throw new AppError('service_unavailable', 'Card payments are not configured for renewals');
  const now = deps.clock.now();
  const attempt = inv.attempt_count + 1;
  let payment: Payment | undefined;
  let failureCode: string;
  try {
    payment = await createCardPayment(
      { amount: inv.total, currency: inv.currency, payment_method: { type: 'card', token }, capture_method: 'automatic', description: `Invoice ${inv.number}`, metadata: { subscription_id: s.id, invoice_id: inv.id, invoice_number: inv.number } },
      { merchantId: s.merchant_id }, `sub:${s.id}:p${inv.period.index}:a${attempt}`, deps.cardPayments(),
    );
    failureCode = payment.failure?.code ?? payment.status;
  } catch (err) {
    // The card on file is gone: nothing to retry until the merchant gives another one.
    if (!(err instanceof AppError) || err.code !== 'invalid_request') throw err;
    failureCode = 'payment_method_missing';
  }
  const attemptTimes = [...inv.attempt_times, now.getTime()];
  const paymentIds = payment ? [...new Set([...inv.payment_ids, payment.id])] : inv.payment_ids;
  if (payment && (payment.status === 'succeeded' || payment.status === 'authorized')) {
    const paid = await saveInvoice(deps, inv, { status: 'paid', amount_paid: payment.amount_captured || inv.total, paid_at: now.toISOString(), attempt_count: attempt, attempt_times: attemptTimes, payment_ids: paymentIds, next_payment_attempt: null });
    return advance(deps, s, paid);
  }
  if (payment && payment.status !== 'failed' && payment.status !== 'canceled') {
    await saveSub(deps, s, { next_attempt_at: new Date(now.getTime() + RECHECK_MS).toISOString() });
    return 'pending';
  }
  const brand = payment?.payment_method.type === 'card' ? payment.payment_method.brand : undefined;
  const plan = planDunning({ failure_code: failureCode, ...(brand ? { brand } : {}), attempts: attempt, attempt_times: attemptTimes, now: now.getTime() });
  const lastFailure = { code: failureCode, category: plan.category, reason: plan.reason };
  const history = withRecord(s, { period: inv.period.index, outcome: 'failed', amount: inv.total, at: now.toISOString(), failure_code: failureCode });
  if (plan.action === 'retry') {
    await saveInvoice(deps, inv, { attempt_count: attempt, attempt_times: attemptTimes, payment_ids: paymentIds, next_payment_attempt: plan.at, last_failure: lastFailure });
    await saveSub(deps, s, { status: 'past_due', next_attempt_at: plan.at, history });
    return 'retry_scheduled';
  }
  await saveInvoice(deps, inv, { status: 'uncollectible', attempt_count: attempt, attempt_times: attemptTimes, payment_ids: paymentIds, next_payment_attempt: null, last_failure: lastFailure });
  return stop(deps, { ...s, history });
}

async function billPix(deps: BillingDeps, s: Subscription, inv: Invoice, recurrenceId: string): Promise<RenewalOutcome> {
  if (!deps.pix) throw new AppError('service_unavailable', 'Pix Automático is not configured');
  const { psp, receiverAccount } = deps.pix();
  const now = deps.clock.now();
  const later = new Date(now.getTime() + RECHECK_MS).toISOString();
  let current = inv;
  if (!current.pix) {
    const cobr = await billPixSubscriptionCycle({ recurrenceId, cycle: inv.period.index, receiverAccount, amount: inv.total }, psp);
    current = await saveInvoice(deps, inv, { pix: { txid: cobr.txid }, attempt_count: 1, attempt_times: [now.getTime()] });
  }
  const charge = await psp.getRecurringCharge(current.pix!.txid);
  if (charge?.status === 'completed') {
    return advance(deps, s, await saveInvoice(deps, current, { status: 'paid', amount_paid: current.total, paid_at: now.toISOString(), next_payment_attempt: null }));
  }
  if (charge && (charge.status === 'rejected' || charge.status === 'expired' || charge.status === 'cancelled')) {
    // The PSP ran Pix Automático's own retry policy (up to 3 in 7 days) before giving up.
    await saveInvoice(deps, current, { status: 'uncollectible', next_payment_attempt: null, last_failure: { code: `pix_${charge.status}`, category: 'pix', reason: `the recurring charge was ${charge.status}` } });
    return stop(deps, { ...s, history: withRecord(s, { period: inv.period.index, outcome: 'failed', amount: inv.total, at: now.toISOString(), failure_code: `pix_${charge.status}` }) });
  }
  await saveSub(deps, s, { next_attempt_at: later });
  return 'pending';
}

/** Renews one subscription if it is due: one step (one invoice state change) per call. */
export async function renewSubscription(s: Subscription, deps: BillingDeps): Promise<RenewalOutcome> {
  const now = deps.clock.now();
  if (s.status === 'canceled' || s.status === 'unpaid' || s.next_attempt_at === null || Date.parse(s.next_attempt_at) > now.getTime()) return 'skipped';
  if (s.payment_method.type === 'pix' && s.status === 'incomplete') {
    const rec = await deps.pix?.().psp.getRecurrence(s.payment_method.recurrence_id);
    if (rec?.status === 'rejected' || rec?.status === 'expired' || rec?.status === 'cancelled') return stop(deps, s);
    if (rec?.status !== 'approved') {
      await saveSub(deps, s, { next_attempt_at: new Date(now.getTime() + RECHECK_MS).toISOString() });
      return 'pending';
    }
    s = { ...s, status: 'active' };
  }
  const index = s.current_period;
  const totals = invoiceTotals(s.items);
  const inv = await deps.subscriptions.createInvoice({
    id: deterministicId('in', s.id, String(index)), merchant_id: s.merchant_id, subscription_id: s.id,
    period: { index, ...periodBounds(s.start_at, s.interval, s.interval_count, index) }, status: 'open', currency: s.currency,
    lines: totals.lines, subtotal: totals.subtotal, total: totals.total, amount_paid: 0, attempt_count: 0, attempt_times: [], payment_ids: [],
    next_payment_attempt: null, last_failure: null, created: now.toISOString(), paid_at: null, version: 1,
  }, (seq) => invoiceNumber(s.merchant_id, seq));
  s = { ...s, latest_invoice: inv.id };
  if (inv.status === 'paid') return advance(deps, s, inv);
  if (inv.status === 'uncollectible' || inv.status === 'void') return stop(deps, s);
  if (inv.next_payment_attempt !== null && Date.parse(inv.next_payment_attempt) > now.getTime()) {
    // A crash between the invoice and the subscription write: follow the invoice's plan.
    await saveSub(deps, s, { status: 'past_due', next_attempt_at: inv.next_payment_attempt });
    return 'retry_scheduled';
  }
  return s.payment_method.type === 'card' ? chargeCard(deps, s, inv, s.payment_method.token) : billPix(deps, s, inv, s.payment_method.recurrence_id);
}

export interface RenewalSummary {
  readonly examined: number;
  readonly outcomes: Record<RenewalOutcome, number>;
  readonly errors: number;
}

/**
 * Renews every due subscription, repeatedly until none is due (a subscription several periods
 * behind catches up one period per round), within `maxRounds`. One subscription's error does
 * not stop the others; it is retried on the next run.
 */
export async function renewDueSubscriptions(deps: BillingDeps, opts: { limit?: number; maxRounds?: number; onError?: (id: string, err: unknown) => void } = {}): Promise<RenewalSummary> {
  const outcomes: Record<RenewalOutcome, number> = { paid: 0, retry_scheduled: 0, stopped: 0, pending: 0, skipped: 0 };
  let examined = 0;
  let errors = 0;
  const failed = new Set<string>();
  for (let round = 0; round < (opts.maxRounds ?? 24); round++) {
    const due = (await deps.subscriptions.listDue(deps.clock.now(), opts.limit ?? 100)).filter((s) => !failed.has(s.id));
    let progressed = 0;
    for (const s of due) {
      examined++;
      try {
        const o = await renewSubscription(s, deps);
        outcomes[o]++;
        if (o === 'paid') progressed++;
      } catch (err) {
        errors++;
        failed.add(s.id);
        opts.onError?.(s.id, err);
      }
    }
    if (progressed === 0) break;
  }
  return { examined, outcomes, errors };
}
