/**
 * A minimal PDF 1.4 writer (ISO 32000-1 §7.5 file structure): one page, Helvetica (a standard 14
 * font, so nothing is embedded), text objects only. Offsets in the cross-reference table are byte
 * offsets, so the document is built as Latin-1 text (one byte per character) and characters
 * outside WinAnsi become "?".
 */

/** A line of text at (x, y) points from the bottom-left corner of an A4 page. */
export interface PdfText {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

/** Escapes a PDF literal string (§7.3.4.2): backslash and parentheses; control and non-Latin-1 characters are replaced. */
export function pdfString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '(' || ch === ')') out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c > 0xff) out += '?';
    else out += ch;
  }
  return out;
}

/** The document as a Latin-1 string: encode it with `Buffer.from(doc, 'latin1')`. */
export function renderPdf(texts: readonly PdfText[]): string {
  const content = ['BT', ...texts.map((t) => `/F1 ${t.size} Tf 1 0 0 1 ${t.x} ${t.y} Tm (${pdfString(t.text)}) Tj`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  // The binary comment line tells transfer tools the file is binary (§7.5.2).
  let doc = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(doc.length);
    doc += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = doc.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, SP, 5-digit generation, SP, n|f, and a
  // two-byte end of line, here SP LF (§7.5.4).
  doc += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) doc += `${String(o).padStart(10, '0')} 00000 n \n`;
  doc += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return doc;
}
