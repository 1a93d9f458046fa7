import { MemoryPaymentStore } from '../../functions/adapters/memory/payments.js';
import { MemoryPaymentMethodStore, MemoryVault } from '../../functions/adapters/memory/payment-methods.js';
import { InMemoryLedger } from '../../functions/adapters/memory/ledger.js';
import { BasicRiskAssessor } from '../../functions/app/decisions/basic-risk.js';
import { StaticRouter } from '../../functions/app/decisions/static-router.js';
import { createCardPayment, type Payer } from '../../functions/app/payments.js';
import { tokenizeCard } from '../../functions/app/payment-methods.js';
import type { PaymentWorkflow } from '../../functions/app/ports/payment-workflow.js';
import type { BudgetReservations, SagaDeps } from '../../functions/app/saga/deps.js';
import { runPaymentSaga } from './run-saga.js';
import { ScriptedProcessor } from './scripted-processor.js';

/** A payment platform on in-memory ports running the real saga ASL: for use-case tests. */
export const clock = { now: () => new Date('2026-11-22T12:00:00Z') };
let n = 0;
const ids = { random: (p: string) => `${p}_${++n}`, bytes: (k: number) => new Uint8Array(k).fill(7) };

export async function world(opts: { a?: ScriptedProcessor; b?: ScriptedProcessor; risk?: BasicRiskAssessor; budgets?: BudgetReservations } = {}) {
  const payments = new MemoryPaymentStore();
  const paymentMethods = new MemoryPaymentMethodStore();
  const vault = new MemoryVault();
  const ledger = new InMemoryLedger();
  const a = opts.a ?? new ScriptedProcessor('acq_a');
  const b = opts.b ?? new ScriptedProcessor('acq_b');
  const deps: SagaDeps = {
    payments, paymentMethods, vault, ledger, clock,
    processors: { [a.id]: a, [b.id]: b },
    router: new StaticRouter([{ id: a.id, expectedSuccess: 0.9, fee: { percentBps: 300, fixed: 30 } }, { id: b.id, expectedSuccess: 0.85, fee: { percentBps: 250, fixed: 50 } }]),
    risk: opts.risk ?? new BasicRiskAssessor({ hardCap: 1_000_000, reviewAbove: 500_000 }),
    ...(opts.budgets ? { budgets: opts.budgets } : {}),
  };
  const pm = await tokenizeCard('mer_1', { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2030 } }, { paymentMethods, vault, clock, ids });
  let stepHook: ((s: string) => 'crash' | void) | undefined;
  const workflow: PaymentWorkflow = { run: (ctx) => runPaymentSaga(ctx, deps, { beforeStep: (s) => stepHook?.(s) }) };
  const pay = (key: string, extra: { amount?: number; capture_method?: 'automatic' | 'manual'; payer?: Payer; customer?: { email?: string; tax_id?: string; name?: string } } = {}) =>
    createCardPayment(
      { amount: extra.amount ?? 1990, currency: 'brl', payment_method: { type: 'card', token: pm.id }, capture_method: extra.capture_method ?? 'automatic', ...(extra.customer ? { customer: extra.customer } : {}) },
      extra.payer ?? { merchantId: 'mer_1' }, key, { payments, paymentMethods, workflow, clock, vault },
    );
  return { deps, payments, ledger, a, b, pay, vault, workflow, onStep: (h: (s: string) => 'crash' | void) => { stepHook = h; } };
}

