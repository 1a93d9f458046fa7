/**
 * Invoice documents: the escaped HTML page and the one-page PDF, both from the same lines.
 * Amounts are formatted here only for display (minor units → "19.90 BRL" by the ISO 4217
 * exponent), with integer arithmetic.
 */
import { CURRENCY_EXPONENT } from '../money.js';
import { renderPdf, type PdfText } from './pdf.js';
import type { Invoice } from './types.js';

/** "1990" BRL → "19.90 BRL", without floating point. */
export function formatAmount(amount: number, currency: string): string {
  const exp = (CURRENCY_EXPONENT as Record<string, number>)[currency] ?? 2;
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exp + 1, '0');
  const whole = exp === 0 ? digits : digits.slice(0, -exp);
  return `${sign}${whole}${exp === 0 ? '' : `.${digits.slice(-exp)}`} ${currency.toUpperCase()}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export function invoiceHtml(inv: Invoice): string {
  const e = escapeHtml;
  const rows = inv.lines.map((l) => `<tr><td>${e(l.description)}</td><td>${l.quantity}</td><td>${e(formatAmount(l.unit_amount, inv.currency))}</td><td>${e(formatAmount(l.amount, inv.currency))}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invoice ${e(inv.number)}</title></head>
<body>
<h1>Invoice ${e(inv.number)}</h1>
<p>Status: ${e(inv.status)} &middot; Period: ${e(inv.period.start.slice(0, 10))} to ${e(inv.period.end.slice(0, 10))}</p>
<table>
<thead><tr><th>Description</th><th>Qty</th><th>Unit</th><th>Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="3">Total</td><td>${e(formatAmount(inv.total, inv.currency))}</td></tr>
<tr><td colspan="3">Paid</td><td>${e(formatAmount(inv.amount_paid, inv.currency))}</td></tr></tfoot>
</table>
</body></html>
`;
}

/** The PDF as a Latin-1 string (see renderPdf). Long invoices are cut at what fits one page. */
export function invoicePdf(inv: Invoice): string {
  const texts: PdfText[] = [
    { x: 50, y: 790, size: 18, text: `Invoice ${inv.number}` },
    { x: 50, y: 765, size: 10, text: `Status: ${inv.status}   Period: ${inv.period.start.slice(0, 10)} to ${inv.period.end.slice(0, 10)}` },
    { x: 50, y: 750, size: 10, text: `Subscription: ${inv.subscription_id}` },
  ];
  let y = 720;
  for (const l of inv.lines.slice(0, 50)) {
    texts.push({ x: 50, y, size: 10, text: `${l.quantity} x ${l.description}` }, { x: 420, y, size: 10, text: formatAmount(l.amount, inv.currency) });
    y -= 14;
  }
  texts.push({ x: 50, y: y - 10, size: 12, text: 'Total' }, { x: 420, y: y - 10, size: 12, text: formatAmount(inv.total, inv.currency) });
  return renderPdf(texts);
}
