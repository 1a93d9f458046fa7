/**
 * The PSP callback `POST {webhookUrl}/pix` with `{"pix": [Pix, …]}` (PIX_SPEC §3.4). It is a
 * trigger, never evidence: the API Pix callback carries no signature (bacen/pix-api#525) and any
 * client of the same PSP can point a webhook at our URL (iss:239), so each endToEndId is confirmed
 * with `GET /pix/{e2eid}` and only the PSP's answer is used (amount, txid, devoluções).
 */
import * as z from 'zod';
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { isValidEndToEndId } from '../../core/pix/index.js';
import type { PixDeps } from './deps.js';
import { creditConfirmedPix, type CreditOutcome } from './credit.js';
import { refundIdOf } from './ids.js';
import { atPsp } from './psp-errors.js';
import { settleReportedRefund } from './refunds.js';

export type CallbackOutcome = CreditOutcome | 'not_confirmed' | 'invalid_end_to_end_id';

export interface CallbackResult {
  readonly end_to_end_id: string;
  readonly outcome: CallbackOutcome;
  /** Our refunds settled from the devoluções the PSP reported on this Pix. */
  readonly refunds_settled: number;
}

/** Only what we read; everything else in the callback is ignored (and confirmed from the PSP). */
const callbackSchema = z.object({ pix: z.array(z.object({ endToEndId: z.string() }).passthrough()).max(1000) });

async function settleRefunds(pix: Awaited<ReturnType<PixDeps['psp']['getPix']>> & object, merchantId: string | undefined, deps: PixDeps): Promise<number> {
  if (!merchantId) return 0;
  let n = 0;
  for (const d of pix.refunds) {
    const id = refundIdOf(d.refundId);
    if (!id || d.status === 'processing') continue;
    const refund = await deps.payments.getRefund(merchantId, id);
    if (refund?.status === 'pending' && (await settleReportedRefund(refund, d, deps)).status !== 'pending') n++;
  }
  return n;
}

export async function handlePixCallback(rawBody: string, deps: PixDeps): Promise<CallbackResult[]> {
  const now = deps.clock.now().toISOString();
  let parsed: z.infer<typeof callbackSchema>;
  try {
    parsed = callbackSchema.parse(JSON.parse(rawBody));
  } catch {
    throw new AppError('invalid_request', 'Expected an API Pix callback body {"pix": [...]}', { param: 'pix' });
  }
  if (deps.vault) {
    // Kept as received for forensics; sealed because it carries payer data (infoPagador, keys).
    const id = createHash('sha256').update(`${now}\u0000${rawBody}`).digest('hex').slice(0, 32);
    await deps.pix.recordCallback({ id, received: now, sealed: await deps.vault.seal(rawBody, { kind: 'pix_callback', id }) });
  }
  const results: CallbackResult[] = [];
  for (const { endToEndId } of parsed.pix) {
    if (!isValidEndToEndId(endToEndId)) {
      results.push({ end_to_end_id: endToEndId.slice(0, 40), outcome: 'invalid_end_to_end_id', refunds_settled: 0 });
      continue;
    }
    // A PSP failure here is ours to retry: it propagates (5xx) so the PSP sends the callback again.
    const confirmed = await atPsp('confirm the Pix', () => deps.psp.getPix(endToEndId));
    if (!confirmed) {
      results.push({ end_to_end_id: endToEndId, outcome: 'not_confirmed', refunds_settled: 0 });
      continue;
    }
    const outcome = await creditConfirmedPix(confirmed, deps);
    const merchantId = (await deps.pix.getReceived(endToEndId))?.merchant_id;
    results.push({ end_to_end_id: endToEndId, outcome, refunds_settled: await settleRefunds(confirmed, merchantId, deps) });
  }
  return results;
}
