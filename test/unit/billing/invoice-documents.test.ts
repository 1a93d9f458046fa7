import { describe, expect, it } from 'vitest';
import { escapeHtml, invoiceHtml, invoicePdf, pdfString, renderPdf, type Invoice } from '../../../functions/core/billing/index.js';

const invoice: Invoice = {
  id: 'in_1', merchant_id: 'mer_1', subscription_id: 'sub_1', number: 'ABC-0001',
  period: { index: 0, start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' }, status: 'paid', currency: 'brl',
  lines: [{ description: 'Pro <plan> & "extras" (ação)', quantity: 2, unit_amount: 1995, amount: 3990 }, { description: 'Seat \\ addon', quantity: 1, unit_amount: 500, amount: 500 }],
  subtotal: 4490, total: 4490, amount_paid: 4490, attempt_count: 1, attempt_times: [0], payment_ids: ['pay_1'], next_payment_attempt: null,
  last_failure: null, created: '2026-11-01T00:00:00.000Z', paid_at: '2026-11-01T00:00:01.000Z', version: 2,
};

/** Structural PDF check: header, every xref offset points at "<n> 0 obj", trailer, startxref, %%EOF. */
function parsePdf(bytes: Buffer) {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!.map(Number) as [number, number, number];
  expect(first).toBe(0);
  const table = text.slice(startxref).split('\n').slice(2, 2 + count);
  expect(table[0]).toBe('0000000000 65535 f ');
  const offsets = table.slice(1).map((line, i) => {
    expect(line).toMatch(/^\d{10} 00000 n $/);
    const off = Number(line.slice(0, 10));
    expect(text.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    return off;
  });
  const trailer = /trailer\n<< \/Size (\d+) \/Root 1 0 R >>/.exec(text);
  expect(Number(trailer![1])).toBe(count);
  // The content stream's /Length is its exact byte length.
  const m = /<< \/Length (\d+) >>\nstream\n/.exec(text)!;
  const start = m.index + m[0].length;
  expect(text.slice(start + Number(m[1]), start + Number(m[1]) + '\nendstream'.length)).toBe('\nendstream');
  return { text, offsets };
}

describe('invoice PDF (hand-written PDF 1.4)', () => {
  it('is structurally valid: header, xref offsets at each obj, trailer, startxref and %%EOF', () => {
    const { text, offsets } = parsePdf(Buffer.from(invoicePdf(invoice), 'latin1'));
    expect(offsets).toHaveLength(5);
    expect(text).toContain('/BaseFont /Helvetica');
    expect(text).toContain('/Count 1');
    expect(text).toContain('(Invoice ABC-0001) Tj');
    expect(text).toContain('(44.90 BRL) Tj');
  });

  it('escapes parentheses and backslashes in text and keeps Latin-1 accents; other characters become "?"', () => {
    expect(pdfString('a(b)c\\d')).toBe('a\\(b\\)c\\\\d');
    expect(pdfString('ação €')).toBe('ação ?');
    const { text } = parsePdf(Buffer.from(invoicePdf(invoice), 'latin1'));
    expect(text).toContain('(2 x Pro <plan> & "extras" \\(ação\\)) Tj');
    expect(text).toContain('(1 x Seat \\\\ addon) Tj');
  });

  it('offsets stay right with multi-byte-looking content and many lines', () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ description: `línea ${i} ñ`, quantity: 1, unit_amount: 100, amount: 100 }));
    parsePdf(Buffer.from(invoicePdf({ ...invoice, lines, total: 6000, subtotal: 6000 }), 'latin1'));
    parsePdf(Buffer.from(renderPdf([]), 'latin1'));
  });
});

describe('invoice HTML', () => {
  it('escapes every merchant-provided string', () => {
    const html = invoiceHtml({ ...invoice, lines: [{ description: '<script>alert("x")</script>', quantity: 1, unit_amount: 1, amount: 1 }] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Invoice ABC-0001');
    expect(escapeHtml(`&'`)).toBe('&amp;&#39;');
  });
});
