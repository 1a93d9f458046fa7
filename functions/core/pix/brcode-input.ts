/**
 * The inverse view of the decoder: a decoded BR Code as encoder input. Re-encoding it yields a
 * strict payload (upper-case CRC, diacritics stripped, …). What payers must ignore is dropped:
 * an amount or txid in a code with a URL (bacen/pix-api#245), and key-side fields (26.02, 26.03)
 * in a dynamic code. `***` maps to "no txid".
 */
import type { BrCodeCommonInput, BrCodeInput, DecodedBrCode } from './brcode-model.js';
import { NO_TXID } from './txid.js';

/** Encoder input equivalent to `decoded` (see the module comment for what is dropped). */
export function brCodeInputFromDecoded(decoded: DecodedBrCode): BrCodeInput {
  const f = decoded.fields;
  const common: BrCodeCommonInput = { merchantName: f.merchant_name, merchantCity: f.merchant_city, mcc: f.mcc };
  if (f.postal_code !== undefined) common.postalCode = f.postal_code;
  const poi = f.point_of_initiation_method;
  if (poi === '11' || poi === '12') common.pointOfInitiationMethod = poi;
  const staticPart = (key: string) => ({
    key,
    ...(f.amount !== undefined ? { amount: f.amount } : {}),
    ...(f.additional_info !== undefined ? { additionalInfo: f.additional_info } : {}),
    ...(f.fss !== undefined ? { fss: f.fss } : {}),
    ...(f.txid !== undefined && f.txid !== NO_TXID ? { txid: f.txid } : {}),
  });
  switch (decoded.kind) {
    case 'static':
      return { kind: 'static', ...common, ...staticPart(f.key ?? '') };
    case 'dynamic':
      return { kind: 'dynamic', ...common, url: f.url ?? '' };
    case 'rec-only':
      return { kind: 'rec-only', ...common, recUrl: f.rec_url ?? '' };
    case 'composite':
      return f.key !== undefined
        ? { kind: 'composite', ...common, ...staticPart(f.key), recUrl: f.rec_url ?? '' }
        : { kind: 'composite', ...common, url: f.url ?? '', recUrl: f.rec_url ?? '' };
  }
}
