/**
 * Adyen's side of card reconciliation: settlement detail records (one per settled capture or
 * refund; columns of Adyen's Settlement Details Report). Live Adyen publishes the report as a CSV
 * file behind a report user; the local sandbox serves the same columns as JSON with integer
 * minor units at `GET /__sandbox/settlement?from&to`, which is what this adapter reads.
 */
import type { ProcessorRecord } from '../../core/reconciliation/index.js';
import type { ProcessorRecordSource, Window } from '../../app/ports/reconciliation.js';

type SettlementRow = { modificationReference: string; merchantReference: string; type: string; grossCurrency: string; grossCredit: number; creationDate: string };

/** Our attempt reference is `<payment id>:authorize:<processor>` (adapters/adyen attemptReference). */
export function paymentIdOf(merchantReference: string): string | undefined {
  return /^(pay_[0-9A-Za-z]+):authorize:/.exec(merchantReference)?.[1];
}

/** Pure: settlement rows → processor records (captures only; refunds are reconciled separately). */
export function adyenRecords(rows: readonly SettlementRow[], source = 'adyen'): ProcessorRecord[] {
  return rows.filter((r) => r.type === 'Settled').map((r) => {
    const ref = paymentIdOf(r.merchantReference);
    return { source, id: r.modificationReference, amount: r.grossCredit, currency: r.grossCurrency.toLowerCase(), at: Date.parse(r.creationDate), ...(ref ? { reference: ref } : {}) };
  });
}

export class AdyenSettlementRecords implements ProcessorRecordSource {
  readonly id: string;
  constructor(private readonly opts: { baseUrl: string; id?: string; fetch?: typeof fetch }) {
    this.id = opts.id ?? 'adyen';
  }

  async list(w: Window): Promise<ProcessorRecord[]> {
    const url = new URL('/__sandbox/settlement', this.opts.baseUrl);
    url.searchParams.set('from', w.from.toISOString());
    url.searchParams.set('to', w.to.toISOString());
    const res = await (this.opts.fetch ?? fetch)(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`adyen settlement: HTTP ${res.status}`);
    const body = (await res.json()) as { records?: SettlementRow[] };
    // The endpoint's `to` is inclusive; the port's window is [from, to).
    return adyenRecords(body.records ?? [], this.id).filter((r) => r.at < w.to.getTime());
  }
}
