/**
 * Invoice arithmetic: line amounts and totals in integer minor units (never floats), refusing
 * anything that is not a safe integer or exceeds the platform's maximum amount.
 */
import { MAX_AMOUNT } from '../money.js';
import type { InvoiceLine, LineItem } from './types.js';

export class InvoiceTotalError extends Error {
  override readonly name = 'InvoiceTotalError';
  constructor(message: string, readonly param: string) {
    super(message);
  }
}

/** Lines and totals of an invoice for `items`; throws InvoiceTotalError naming the offending item. */
export function invoiceTotals(items: readonly LineItem[]): { lines: InvoiceLine[]; subtotal: number; total: number } {
  if (items.length === 0) throw new InvoiceTotalError('An invoice needs at least one item', 'items');
  let subtotal = 0;
  const lines = items.map((it, i): InvoiceLine => {
    if (!Number.isSafeInteger(it.amount) || it.amount < 0) throw new InvoiceTotalError('amount must be a non-negative integer in minor units', `items[${i}].amount`);
    if (!Number.isSafeInteger(it.quantity) || it.quantity < 1) throw new InvoiceTotalError('quantity must be a positive integer', `items[${i}].quantity`);
    const amount = it.amount * it.quantity;
    if (!Number.isSafeInteger(amount) || amount > MAX_AMOUNT) throw new InvoiceTotalError(`amount × quantity exceeds ${MAX_AMOUNT}`, `items[${i}]`);
    subtotal += amount;
    if (subtotal > MAX_AMOUNT) throw new InvoiceTotalError(`the invoice total exceeds ${MAX_AMOUNT}`, 'items');
    return { description: it.description, quantity: it.quantity, unit_amount: it.amount, amount };
  });
  if (subtotal <= 0) throw new InvoiceTotalError('the invoice total must be greater than zero', 'items');
  // No tax or discounts yet: total = subtotal. They would be added here, still in minor units.
  return { lines, subtotal, total: subtotal };
}

/**
 * The invoice number for sequence `seq` of a merchant: a merchant prefix and a zero-padded
 * counter (`7F3KQ2AB-0001`), like Stripe's `<prefix>-<sequence>`; numbers sort per merchant.
 */
export function invoiceNumber(merchantId: string, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`invoice sequence must be a positive integer, got ${seq}`);
  const prefix = merchantId.replace(/^mer_/, '').replace(/[^0-9A-Za-z]/g, '').slice(0, 8).toUpperCase().padEnd(8, 'X');
  return `${prefix}-${String(seq).padStart(4, '0')}`;
}
