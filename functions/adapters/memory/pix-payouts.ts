/**
 * In-memory Pix sending for {@link InMemoryPixPsp} (and alone, for use-case tests). Same rules as
 * the sandbox PSP (local/sandbox/pix-psp-payouts.ts): idempotent on the payout id, validated by
 * the connector's own request transformer, and the test DICT rule below.
 */
import { randomBytes } from 'node:crypto';
import { PixPspError } from '../../app/ports/pix-psp.js';
import type { PixPayout, PixPayouts, SendPayoutInput } from '../../app/ports/pix-payout.js';
import { generateEndToEndId } from '../../core/pix/index.js';
import { checkPayoutId, toEnvioSolicitado } from '../pix-api/transformers-payout.js';

/**
 * Test DICT: an EVP key beginning `00000000-0000-0000-` is well formed but registered to nobody,
 * so a transfer to it fails `key_not_found` (what a real DICT lookup answers for an unknown key).
 */
export function isUnregisteredTestKey(key: string): boolean {
  return key.startsWith('00000000-0000-0000-');
}

export class InMemoryPixPayouts implements PixPayouts {
  readonly #payouts = new Map<string, PixPayout & { key: string }>();
  /** Transfers actually made (a replay does not count): the "paid once" witness in tests. */
  readonly transfers = new Map<string, number>();
  constructor(private readonly now: () => Date = () => new Date(), private readonly ispb = '99999008') {}

  async sendPayout(input: SendPayoutInput): Promise<PixPayout> {
    toEnvioSolicitado(input);
    const existing = this.#payouts.get(input.id);
    if (existing) {
      if (existing.amount !== input.amount || existing.key !== input.key) throw new PixPspError('conflict', 'idEnvio already used for another transfer');
      return strip(existing);
    }
    const now = this.now();
    const payout: PixPayout & { key: string } = isUnregisteredTestKey(input.key)
      ? { id: input.id, amount: input.amount, key: input.key, status: 'failed', requestedAt: now.toISOString(), failureCode: 'key_not_found', failureReason: 'the destination key is not registered in the DICT' }
      : { id: input.id, amount: input.amount, key: input.key, status: 'completed', requestedAt: now.toISOString(), endToEndId: generateEndToEndId({ ispb: this.ispb, now, random: (n) => randomBytes(n) }) };
    this.#payouts.set(input.id, payout);
    if (payout.status === 'completed') this.transfers.set(input.id, (this.transfers.get(input.id) ?? 0) + 1);
    return strip(payout);
  }

  async getPayout(id: string): Promise<PixPayout | undefined> {
    const p = this.#payouts.get(checkPayoutId(id));
    return p && strip(p);
  }
}

function strip(p: PixPayout & { key: string }): PixPayout {
  const { key: _key, ...rest } = p;
  return rest;
}
