/**
 * Up-front validation of a payout batch's items. An invalid item fails alone with a reason; the
 * others go on (API.md "Payouts"). Pure: no I/O, no clock.
 */
import { MAX_AMOUNT } from '../money.js';
import { PixKeyError, validatePixKey, type PixKeyType } from '../pix/index.js';
import type { PayoutFailure } from './types.js';

export interface PayoutItemInput {
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly destination: { readonly type: 'pix_key'; readonly key: string };
}

export type ItemVerdict = { readonly ok: true; readonly keyType: PixKeyType } | { readonly ok: false; readonly failure: PayoutFailure };

/**
 * Judges each item in order. The first occurrence of a `reference` is judged on its own merits;
 * every later one fails `duplicate_reference` (the merchant's reference is what reconciles a
 * payout to their books, so two items with one reference are ambiguous).
 *
 * @returns one verdict per item, in the same order.
 */
export function validatePayoutItems(items: readonly PayoutItemInput[]): ItemVerdict[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const dup = seen.has(item.reference);
    seen.add(item.reference);
    if (dup) return fail('duplicate_reference', 'another item of this batch already uses this reference');
    if (!Number.isSafeInteger(item.amount) || item.amount <= 0 || item.amount > MAX_AMOUNT) {
      return fail('invalid_amount', `amount must be a positive integer in centavos (at most ${MAX_AMOUNT})`);
    }
    if (item.currency !== 'brl') return fail('invalid_currency', 'Pix payouts are in brl');
    try {
      return { ok: true, keyType: validatePixKey(item.destination.key) };
    } catch (e) {
      // The message names the expected key type and never echoes the key (PixKeyError's contract).
      if (e instanceof PixKeyError) return fail('invalid_pix_key', e.message);
      throw e;
    }
  });
}

function fail(code: PayoutFailure['code'], message: string): ItemVerdict {
  return { ok: false, failure: { code, message } };
}
