/** The qrcode adapter renders BR Codes in memory, deterministically, with the core's options. */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrcodeRenderer, renderQrPng, renderQrSvg } from '../../../functions/adapters/qr/qrcode.js';
import { encodeBrCode, QR_OPTIONS } from '../../../functions/core/pix/index.js';

const payload = encodeBrCode({ kind: 'static', key: '12345678909', amount: 1050, merchantName: 'LOJA', merchantCity: 'RECIFE' });

describe('QR adapter (qrcode 1.5.4)', () => {
  it('renders an SVG document whose module grid encodes exactly the payload at EC level M', async () => {
    const svg = await renderQrSvg(payload);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    const qr = QRCode.create(payload, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
    const size = qr.modules.size + 2 * QR_OPTIONS.margin;
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`);
    // Segment data is a string (numeric/alphanumeric modes) or UTF-8 bytes (byte mode).
    const text = qr.segments.map((s) => {
      const data = (s as unknown as { data: string | Uint8Array }).data;
      return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    });
    expect(text.join('')).toBe(payload);
  });

  it('renders PNG bytes of the configured width', async () => {
    const png = await renderQrPng(payload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(QR_OPTIONS.pngWidth); // IHDR width
    expect(png.readUInt32BE(20)).toBe(QR_OPTIONS.pngWidth); // IHDR height
  });

  it('is deterministic and distinguishes payloads', async () => {
    expect(await renderQrSvg(payload)).toBe(await renderQrSvg(payload));
    const other = encodeBrCode({ kind: 'static', key: '12345678909', amount: 1051, merchantName: 'LOJA', merchantCity: 'RECIFE' });
    expect(await renderQrSvg(other)).not.toBe(await renderQrSvg(payload));
    expect(Buffer.from(await qrcodeRenderer.png(payload)).equals(await renderQrPng(payload))).toBe(true);
  });
});
