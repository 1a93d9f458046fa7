/**
 * What the sandbox acquirers do with a card (API.md, Sandbox, test cards), shared by the Stripe- and
 * Adyen-compatible servers so that "processor error at the first processor tried" holds across
 * both: the first sandbox that sees a `payment_id` owns the error, the next one approves.
 *
 * Nothing here keeps a PAN: decisions use the number transiently and the servers store only last4
 * and a keyed fingerprint ({@link sandboxFingerprint}).
 */
import { createHash, randomBytes } from 'node:crypto';
import { cardFingerprint, detectBrand, isExpiryValid, isLuhnValid, type CardBrand } from '../../functions/core/cards/index.js';

export const TEST_CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processorErrorFirst: '4000000000000119',
  highRisk: '4000000000004954',
} as const;

export type CardOutcome =
  | { readonly kind: 'approved'; readonly highRisk: boolean }
  | { readonly kind: 'declined'; readonly reason: 'card_declined' | 'insufficient_funds' }
  | { readonly kind: 'invalid'; readonly reason: 'incorrect_number' | 'expired_card' }
  | { readonly kind: 'processing_error'; readonly why: 'first_processor' | 'success_rate' };

export interface CardDecisionInput {
  readonly processor: string;
  readonly paymentId: string;
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  /** The processor-side idempotency key: the `success_rate` draw is a hash of it, so retries agree. */
  readonly idempotencyKey: string;
  readonly successRate: number;
  readonly now: Date;
}

/** Shared, in-memory state of the card sandboxes (one per process). */
export class CardBehaviour {
  private readonly firstProcessor = new Map<string, string>();
  private readonly fingerprintKey = randomBytes(32);

  decide(input: CardDecisionInput): CardOutcome {
    const digits = input.number.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(digits) || !isLuhnValid(digits)) return { kind: 'invalid', reason: 'incorrect_number' };
    if (!isExpiryValid(input.expMonth, input.expYear, input.now)) return { kind: 'invalid', reason: 'expired_card' };
    if (digits === TEST_CARDS.declined) return { kind: 'declined', reason: 'card_declined' };
    if (digits === TEST_CARDS.insufficientFunds) return { kind: 'declined', reason: 'insufficient_funds' };
    if (digits === TEST_CARDS.processorErrorFirst) {
      const first = this.firstProcessor.get(input.paymentId) ?? input.processor;
      this.firstProcessor.set(input.paymentId, first);
      if (first === input.processor) return { kind: 'processing_error', why: 'first_processor' };
    }
    if (unitHash(input.idempotencyKey) >= input.successRate) return { kind: 'processing_error', why: 'success_rate' };
    return { kind: 'approved', highRisk: digits === TEST_CARDS.highRisk };
  }

  /** last4, brand and a keyed fingerprint: all a sandbox may remember of a card. */
  describe(number: string): { readonly last4: string; readonly brand: CardBrand; readonly fingerprint: string } {
    const digits = number.replace(/[\s-]/g, '');
    return { last4: digits.slice(-4), brand: detectBrand(digits), fingerprint: cardFingerprint(digits, this.fingerprintKey) };
  }

  reset(): void {
    this.firstProcessor.clear();
  }
}

/** The process-wide instance both servers use unless a test hands them their own. */
export const sharedCardBehaviour = new CardBehaviour();

/** A deterministic draw in [0, 1) from a string (first 48 bits of its SHA-256). */
export function unitHash(s: string): number {
  return createHash('sha256').update(s).digest().readUIntBE(0, 6) / 2 ** 48;
}
