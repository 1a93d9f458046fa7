/**
 * QR images of BR Code payloads with the `qrcode` package, in memory (no files, no network).
 * Implements the core's {@link QrRenderer} port; options come from the core ({@link QR_OPTIONS}).
 */
import QRCode from 'qrcode';
import { QR_OPTIONS, type QrRenderer } from '../../core/pix/qr.js';

/** An SVG document of the payload's QR code (EC level M, 4-module quiet zone). */
export async function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, {
    type: 'svg',
    errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel,
    margin: QR_OPTIONS.margin,
  });
}

/** PNG bytes of the payload's QR code, {@link QR_OPTIONS.pngWidth} pixels wide. */
export async function renderQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, {
    type: 'png',
    errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel,
    margin: QR_OPTIONS.margin,
    width: QR_OPTIONS.pngWidth,
  });
}

/** The port implementation handed to use cases by a composition root. */
export const qrcodeRenderer: QrRenderer = { svg: renderQrSvg, png: renderQrPng };
