/**
 * Pix reconciliation (DESIGN.md §5): the PSP's received Pix of a window (`GET /pix?inicio&fim`,
 * every page) against the ledger's Pix credits, through the shared matcher (core/reconciliation),
 * joined by endToEndId. Each discrepancy is announced once as `reconciliation.discrepancy` (its
 * event id derives from the finding's stable id) and listed in the report.
 */
import { countByKind, reconcile, type Discrepancy, type LedgerRecord, type ProcessorRecord } from '../../core/reconciliation/index.js';
import { ACCOUNTS } from '../../core/ledger/index.js';
import type { JournalEntry } from '../../core/ledger/index.js';
import { buildEvent } from '../events.js';
import { listAllPix } from '../ports/pix-psp.js';
import type { PixDeps } from './deps.js';

export const PIX_SOURCE = 'pix';
/** A credit posted this close to the window's end may not be listed by the PSP yet. */
const GRACE_MS = 5 * 60_000;
/** Ledger credits are dated with the Pix's own `horario`, so a pair further apart is suspicious. */
const LATE_AFTER_MS = 60 * 60_000;

/** The reconciliation view of a Pix credit (core/ledger `pixCreditEntry`); anything else → undefined. */
export function pixCreditRecord(e: JournalEntry): LedgerRecord | undefined {
  if (e.reference.type !== 'pix') return undefined;
  const settled = e.postings.find((p) => p.account === ACCOUNTS.pixSettlement && p.amount > 0);
  const payable = e.postings.find((p) => p.account === ACCOUNTS.merchantPayable && p.amount < 0);
  if (!settled || !payable) return undefined;
  return { entry_id: e.id, source: PIX_SOURCE, reference: e.reference.id, amount: -payable.amount, currency: payable.currency, at: Date.parse(e.createdAt), merchant_id: e.merchantId };
}

function discrepancyObject(d: Discrepancy) {
  return {
    object: 'reconciliation_discrepancy' as const, id: d.id, kind: d.kind, source: d.source, reference: d.reference, merchant_id: d.merchant_id, detail: d.detail,
    ...(d.processor ? { processor_amount: d.processor.amount, processor_at: new Date(d.processor.at).toISOString() } : {}),
    ...(d.ledger ? { ledger_entry: d.ledger.entry_id, ledger_amount: d.ledger.amount } : {}),
  };
}

export interface PixReconciliationReport {
  readonly object: 'reconciliation_report';
  readonly source: 'pix';
  readonly from: string;
  readonly to: string;
  readonly matched: number;
  readonly discrepancies: Record<string, number>;
  readonly items: ReturnType<typeof discrepancyObject>[];
}

export async function reconcilePix(window: { from: Date; to: Date }, deps: PixDeps): Promise<PixReconciliationReport> {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  // Our side of who was paid: merchants come from the received-Pix records (every credit starts as one).
  const wideFrom = new Date(window.from.getTime() - LATE_AFTER_MS).toISOString();
  const wideTo = new Date(window.to.getTime() + LATE_AFTER_MS).toISOString();
  const received = await deps.pix.listReceived(wideFrom, wideTo);
  const merchantOf = new Map(received.filter((r) => r.merchant_id).map((r) => [r.end_to_end_id, r.merchant_id!]));

  const processor: ProcessorRecord[] = [];
  // The API's bounds are inclusive; the matcher's window is [from, to): drop a Pix exactly at `to`.
  for await (const p of listAllPix(deps.psp, { from, to })) {
    const at = Date.parse(p.paidAt);
    if (at >= window.to.getTime()) continue;
    const merchant = merchantOf.get(p.endToEndId);
    processor.push({ source: PIX_SOURCE, id: p.endToEndId, reference: p.endToEndId, amount: p.amount, currency: 'brl', at, ...(merchant ? { merchant_id: merchant } : {}) });
  }
  const ledger: LedgerRecord[] = [];
  for (const merchantId of new Set(merchantOf.values())) {
    for (const e of await deps.ledger.listEntries(merchantId, { from: wideFrom, to: wideTo })) {
      const r = pixCreditRecord(e);
      if (r) ledger.push(r);
    }
  }
  const result = reconcile({ processor, ledger, window: { from: window.from.getTime(), to: window.to.getTime() }, grace_ms: GRACE_MS, late_after_ms: LATE_AFTER_MS });
  const now = deps.clock.now();
  const items = result.discrepancies.map(discrepancyObject);
  await deps.pix.emit(items.map((o) => buildEvent({ type: 'reconciliation.discrepancy', merchantId: o.merchant_id ?? 'platform', object: o, at: now, dedupeKey: o.id })));
  return { object: 'reconciliation_report', source: 'pix', from, to, matched: result.matched.length, discrepancies: countByKind(result.discrepancies), items };
}
