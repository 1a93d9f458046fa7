/** In-memory CardRetryCounter (unit tests). */
import { EMPTY_HISTORY, recordAttempt, type CardRetryHistory } from '../../core/exceptions/index.js';
import type { CardRetryCounter } from '../../app/ports/card-retries.js';

export class MemoryCardRetryCounter implements CardRetryCounter {
  readonly cards = new Map<string, CardRetryHistory>();
  async history(fp: string): Promise<CardRetryHistory> {
    return this.cards.get(fp) ?? EMPTY_HISTORY;
  }
  async record(fp: string, at: number): Promise<void> {
    this.cards.set(fp, recordAttempt(this.cards.get(fp) ?? EMPTY_HISTORY, at));
  }
}
