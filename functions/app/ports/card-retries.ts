/**
 * Per-card reattempt history across every processor (core/exceptions retry-caps): the networks
 * count declined attempts per card, not per acquirer, so one counter per card fingerprint is
 * shared by the whole cascade and by later payments.
 */
import type { CardRetryHistory } from '../../core/exceptions/index.js';

export interface CardRetryCounter {
  history(fingerprint: string): Promise<CardRetryHistory>;
  /** Adds one declined attempt at `at` (epoch ms). */
  record(fingerprint: string, at: number): Promise<void>;
}
