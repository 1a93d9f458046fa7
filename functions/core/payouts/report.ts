/** The batch report as CSV (RFC 4180: CRLF lines, fields with `,` `"` or line breaks quoted). */
import type { PayoutItem } from './types.js';

export const REPORT_HEADER = ['item_id', 'reference', 'amount', 'currency', 'key_type', 'key_masked', 'status', 'failure_code', 'failure_message', 'end_to_end_id', 'paid_at'] as const;

/** One CSV field; a leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets never run it as a formula (OWASP CSV injection). */
export function csvField(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportRow(i: PayoutItem): string {
  return [i.id, i.reference, i.amount, i.currency, i.keyType, i.keyMasked, i.status, i.failure?.code, i.failure?.message, i.endToEndId, i.paidAt].map(csvField).join(',');
}

export function renderReport(items: Iterable<PayoutItem>): string {
  const lines = [REPORT_HEADER.join(',')];
  for (const i of items) lines.push(reportRow(i));
  return `${lines.join('\r\n')}\r\n`;
}
