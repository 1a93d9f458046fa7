/**
 * QR rendering port. The core does no rendering or I/O itself: use cases receive a
 * {@link QrRenderer} (implemented by `functions/adapters/qr/qrcode.ts`) and pass it the payload.
 */

/** Renders a BR Code payload as a QR image, in memory. */
export interface QrRenderer {
  /** An SVG document. */
  svg(payload: string): Promise<string>;
  /** PNG bytes. */
  png(payload: string): Promise<Uint8Array>;
}

/**
 * Rendering options shared by every renderer: error-correction level M (15 %) keeps a ≤ 512-char
 * payload at a scannable module count while tolerating print damage; a quiet zone of 4 modules is
 * the ISO/IEC 18004 minimum.
 */
export const QR_OPTIONS = Object.freeze({ errorCorrectionLevel: 'M', margin: 4, pngWidth: 512 } as const);
