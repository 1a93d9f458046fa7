import { MAX_AMOUNT, isSupportedCurrency } from '../money.js';
import { InvalidEntryError } from './errors.js';
import type { JournalEntry } from './types.js';

/**
 * At most this many postings per entry. A DynamoDB transaction holds at most 100 items; an entry
 * takes one item plus one balance update per (account, currency), and use cases may add their own
 * items (payment state, outbox, audit) to the same transaction — 40 leaves them room.
 */
export const MAX_POSTINGS = 40;

/** RFC 3339 UTC with optional fraction: the form that sorts lexicographically in time order. */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * `#` separates account from currency in storage keys (`<account>#<currency>`); control
 * characters have no business in an account name.
 */
const ACCOUNT = /^[a-z][a-z0-9_]*(?::[A-Za-z0-9_.-]+)?$/;

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Checks every ledger invariant of one entry and throws {@link InvalidEntryError} on the first
 * violation: 2..{@link MAX_POSTINGS} postings; each a non-zero safe integer within ±MAX_AMOUNT (so
 * no sum of an entry's postings can lose precision); supported currencies; a well-formed account
 * name; and postings summing to zero **per currency** (a BRL debit is never balanced by a USD
 * credit). Returns the entry for chaining.
 */
export function validateEntry(entry: JournalEntry): JournalEntry {
  const fail = (reason: ConstructorParameters<typeof InvalidEntryError>[0], message: string): never => {
    throw new InvalidEntryError(reason, message, typeof entry?.id === 'string' ? entry.id : undefined);
  };
  if (!nonEmpty(entry.id)) fail('invalid_field', 'entry id is required');
  if (!nonEmpty(entry.merchantId)) fail('invalid_field', 'merchantId is required');
  if (typeof entry.createdAt !== 'string' || !UTC_TIME.test(entry.createdAt)) {
    fail('invalid_field', 'createdAt must be an RFC 3339 UTC time ending in Z');
  }
  if (typeof entry.description !== 'string') fail('invalid_field', 'description must be a string');
  if (!entry.reference || !nonEmpty(entry.reference.type) || !nonEmpty(entry.reference.id)) {
    fail('invalid_field', 'reference needs a type and an id');
  }
  if (!Array.isArray(entry.postings) || entry.postings.length < 2) {
    fail('too_few_postings', 'an entry needs at least two postings');
  }
  if (entry.postings.length > MAX_POSTINGS) {
    fail('too_many_postings', `an entry has at most ${MAX_POSTINGS} postings`);
  }
  const sums = new Map<string, number>();
  entry.postings.forEach((p, i) => {
    if (typeof p.account !== 'string' || !ACCOUNT.test(p.account)) {
      fail('invalid_account', `postings[${i}].account ${JSON.stringify(p.account)} is not a valid account name`);
    }
    if (typeof p.currency !== 'string' || !isSupportedCurrency(p.currency)) {
      fail('unsupported_currency', `postings[${i}].currency ${JSON.stringify(p.currency)} is not supported`);
    }
    if (!Number.isSafeInteger(p.amount) || Math.abs(p.amount) > MAX_AMOUNT) {
      fail('invalid_amount', `postings[${i}].amount must be an integer in minor units within ±${MAX_AMOUNT}`);
    }
    // A zero posting moves nothing and would create empty balance rows: always a builder bug.
    if (p.amount === 0) fail('zero_posting', `postings[${i}].amount is zero`);
    sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.amount);
  });
  for (const [currency, sum] of sums) {
    if (sum !== 0) fail('unbalanced', `postings in ${currency} sum to ${sum}, not zero`);
  }
  return entry;
}
