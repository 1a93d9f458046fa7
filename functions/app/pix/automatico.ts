/**
 * Pix Automático for a monthly subscription (PIX_SPEC §3.6): one recurrence (`POST /rec`) the payer
 * authorizes once, then one recurring charge (`PUT /cobr/{txid}`) per cycle. The cycle's txid is
 * derived from (recurrence, cycle), so billing a cycle twice (a retried schedule, two workers)
 * finds the charge already there instead of creating a second one.
 */
import { AppError } from '../../core/errors.js';
import { generateTxid } from '../../core/pix/index.js';
import type { PixPsp, ReceiverAccount, Recurrence, RecurringCharge, RetryPolicy } from '../ports/pix-psp.js';
import { seededRandom } from './ids.js';
import { atPsp } from './psp-errors.js';

export interface SubscriptionRequest {
  /** Our contract / order reference (`vinculo.contrato`, ≤ 35). */
  readonly contract: string;
  readonly description?: string;
  /** Sent to the PSP only (PII). */
  readonly debtor: { readonly name: string; readonly taxId: string };
  /** Fixed monthly amount in centavos. */
  readonly amount: number;
  /** `YYYY-MM-DD` of the first cycle. */
  readonly startDate: string;
  readonly endDate?: string;
  /** Default: up to 3 retries within 7 days (`PERMITE_3R_7D`). */
  readonly retryPolicy?: RetryPolicy;
}

/** Creates the monthly recurrence; the payer authorizes it in their bank app (its `brcode`, Jornada 2). */
export async function createPixSubscription(req: SubscriptionRequest, psp: PixPsp): Promise<Recurrence> {
  return atPsp('create the recurrence', () =>
    psp.createRecurrence({
      contract: req.contract, debtor: req.debtor, startDate: req.startDate, period: 'monthly', amount: req.amount,
      retryPolicy: req.retryPolicy ?? 'up_to_3_retries_in_7_days',
      ...(req.description !== undefined ? { description: req.description } : {}), ...(req.endDate !== undefined ? { endDate: req.endDate } : {}),
    }),
  );
}

/**
 * The due date of cycle `n` (0 = the start date): the same day of the month, or the month's last
 * day when it has fewer days (a subscription from 31 Jan is due 28/29 Feb, then 31 Mar).
 */
export function monthlyDueDate(startDate: string, n: number): string {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + n;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The cycle's recurring-charge txid (API Pix `[a-zA-Z0-9]{26,35}`), stable for (recurrence, cycle). */
export const cycleTxid = (recurrenceId: string, cycle: number): string => generateTxid(seededRandom(`cobr:${recurrenceId}:${cycle}`));

export interface BillCycleInput {
  readonly recurrenceId: string;
  /** 0-based cycle number since the recurrence's start date. */
  readonly cycle: number;
  readonly receiverAccount: ReceiverAccount;
  /** Defaults to the recurrence's fixed amount. */
  readonly amount?: number;
}

/** Bills one cycle of an approved recurrence: its `cobr`, created once whatever is retried. */
export async function billPixSubscriptionCycle(input: BillCycleInput, psp: PixPsp): Promise<RecurringCharge> {
  const rec = await atPsp('read the recurrence', () => psp.getRecurrence(input.recurrenceId));
  if (!rec) throw new AppError('not_found', 'No such recurrence');
  if (rec.status !== 'approved') throw new AppError('invalid_state', `The recurrence is ${rec.status}; the payer has not authorized it`);
  const dueDate = monthlyDueDate(rec.startDate, input.cycle);
  if (rec.endDate !== undefined && dueDate > rec.endDate) throw new AppError('invalid_state', `Cycle ${input.cycle} falls after the recurrence ends`);
  const amount = input.amount ?? rec.amount;
  if (amount === undefined) throw new AppError('invalid_request', 'This recurrence has no fixed amount: give one', { param: 'amount' });
  const txid = cycleTxid(rec.id, input.cycle);
  const existing = await atPsp('read the recurring charge', () => psp.getRecurringCharge(txid));
  if (existing) return existing;
  return atPsp('create the recurring charge', () =>
    psp.createRecurringCharge({ txid, recurrenceId: rec.id, dueDate, amount, receiverAccount: input.receiverAccount, description: `${rec.contract} ${dueDate.slice(0, 7)}` }),
  );
}
