/**
 * The payment state machine (API.md statuses). Every status change goes through
 * {@link transition}, which refuses moves the contract does not allow with `invalid_state`.
 */
import { AppError } from '../errors.js';
import type { Payment, PaymentStatus } from './types.js';

const ALLOWED: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  processing: ['requires_approval', 'authorized', 'succeeded', 'failed', 'canceled'],
  requires_approval: ['processing', 'failed', 'canceled'],
  requires_payment: ['succeeded', 'canceled', 'failed'],
  authorized: ['succeeded', 'canceled', 'failed'],
  succeeded: [],
  failed: [],
  canceled: [],
};

export const FINAL_STATUSES: readonly PaymentStatus[] = ['succeeded', 'failed', 'canceled'];

export function isFinal(status: PaymentStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}

/** The payment with a new status (and any other changes), version bumped, `updated` set. */
export function transition(p: Payment, to: PaymentStatus, at: Date, changes: Partial<Omit<Payment, 'id' | 'status' | 'version'>> = {}): Payment {
  if (!canTransition(p.status, to)) throw new AppError('invalid_state', `A ${p.status} payment cannot become ${to}`);
  return { ...p, ...changes, status: to, updated: at.toISOString(), version: p.version + 1 };
}

/** A change that keeps the status (attempt bookkeeping, refunds). */
export function amend(p: Payment, at: Date, changes: Partial<Omit<Payment, 'id' | 'status' | 'version'>>): Payment {
  return { ...p, ...changes, updated: at.toISOString(), version: p.version + 1 };
}
