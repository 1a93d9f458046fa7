/**
 * BR Code tools of the API (`POST /v1/pix/brcode/decode`, `/static`): the core codec with its
 * typed errors turned into public ones — `invalid_brcode` (422) naming the BR Code field for a
 * payload, `invalid_request` (400) naming the request field (and the expected key type) for input.
 */
import { AppError } from '../../core/errors.js';
import { BrCodeError, PixKeyError, decodeBrCode, encodeBrCode, type DecodedBrCode, type QrRenderer, type StaticBrCodeInput } from '../../core/pix/index.js';

export function decodePayload(payload: string): DecodedBrCode {
  try {
    return decodeBrCode(payload);
  } catch (err) {
    if (err instanceof BrCodeError) throw new AppError('invalid_brcode', `field ${err.field}: ${err.message}`, { param: err.field });
    throw err;
  }
}

export interface StaticRequest {
  readonly key: string;
  readonly amount?: number | undefined;
  readonly merchant_name: string;
  readonly merchant_city: string;
  readonly txid?: string | undefined;
  readonly description?: string | undefined;
}

/** Encoder field → the request field that feeds it. */
const PARAM_OF_FIELD: Record<string, string> = { '26.01': 'key', '26.02': 'description', '26': 'description', '54': 'amount', '59': 'merchant_name', '60': 'merchant_city', '62.05': 'txid' };

export async function staticBrCode(req: StaticRequest, qr: Pick<QrRenderer, 'svg'>): Promise<{ payload: string; qr_svg: string }> {
  const input: StaticBrCodeInput = {
    kind: 'static', key: req.key, merchantName: req.merchant_name, merchantCity: req.merchant_city,
    ...(req.amount !== undefined ? { amount: req.amount } : {}),
    ...(req.txid !== undefined ? { txid: req.txid } : {}),
    ...(req.description !== undefined ? { additionalInfo: req.description } : {}),
  };
  let payload: string;
  try {
    payload = encodeBrCode(input);
  } catch (err) {
    // The core's key messages name the expected type ("expected a CPF Pix key: …") and never echo the key.
    if (err instanceof PixKeyError) throw new AppError('invalid_request', err.message, { param: 'key' });
    if (err instanceof BrCodeError) throw new AppError('invalid_request', err.message, { param: PARAM_OF_FIELD[err.field] ?? err.field });
    throw err;
  }
  return { payload, qr_svg: await qr.svg(payload) };
}
