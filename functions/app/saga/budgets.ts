/**
 * The mandates a payment spends from — the agent key's stored mandate and, when the payment
 * carried one, an open mandate signed by the principal — reserved, released and settled together.
 */
import type { Payment } from '../../core/payments/index.js';
import type { BudgetReservations } from './deps.js';

export const mandatesOf = (p: Payment): string[] => [p.mandate_id, p.open_mandate_id].filter((m): m is string => m !== undefined);

/** Reserves on every mandate; if one refuses, the ones already reserved are released first. */
export async function reserveBudgets(p: Payment, budgets: BudgetReservations, at: Date): Promise<void> {
  const done: string[] = [];
  try {
    for (const mandateId of mandatesOf(p)) {
      await budgets.reserve({ mandateId, paymentId: p.id, amount: p.amount, currency: p.currency, at });
      done.push(mandateId);
    }
  } catch (err) {
    for (const mandateId of done) await budgets.release({ mandateId, paymentId: p.id });
    throw err;
  }
}

export async function releaseBudgets(p: Payment, budgets: BudgetReservations): Promise<void> {
  for (const mandateId of mandatesOf(p)) await budgets.release({ mandateId, paymentId: p.id });
}

export async function settleBudgets(p: Payment, budgets: BudgetReservations): Promise<void> {
  for (const mandateId of mandatesOf(p)) await budgets.settle({ mandateId, paymentId: p.id });
}
