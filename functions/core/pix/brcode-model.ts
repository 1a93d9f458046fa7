/**
 * Shapes of a BR Code: the decode response of API.md (`POST /v1/pix/brcode/decode`, snake_case
 * `fields`) and the encoder's input per kind (PIX_SPEC §1.2 "Static vs dynamic vs composite").
 */

/** The GUI of the Pix merchant account template (26.00 / 80.00), compared case-insensitively on decode. */
export const PIX_GUI = 'br.gov.bcb.pix';

/** Largest payload accepted (API Pix `pixCopiaECola.maxLength`, bacen/pix-api#457). */
export const MAX_PAYLOAD_LENGTH = 512;

/**
 * static: 26.01 (key) · dynamic: 26.25 (URL) · rec-only: only 80.25 (Pix Automático Jornada 2) ·
 * composite: 26.01 or 26.25 plus 80.25 (Jornadas 3/4).
 */
export type BrCodeKind = 'static' | 'dynamic' | 'rec-only' | 'composite';

/** Decoded fields with the API.md names; a field absent from the payload is absent here. */
export interface BrCodeFields {
  payload_format_indicator: string;
  point_of_initiation_method?: string;
  gui: string;
  key?: string;
  additional_info?: string;
  /** 26.25, as written (a tolerated `https://` prefix is kept and reported in `warnings`). */
  url?: string;
  fss?: string;
  mcc: string;
  currency: string;
  /** 54 in integer minor units (centavos). */
  amount?: number;
  /** 54 as written. */
  amount_text?: string;
  country: string;
  merchant_name: string;
  merchant_city: string;
  postal_code?: string;
  txid?: string;
  /** 80.25 (Pix Automático recurrence location). */
  rec_url?: string;
  /** 63 as written (lower-case is tolerated with a warning). */
  crc: string;
}

/** The decode response of API.md. Each warning starts with the object path it concerns, e.g. "62.05: …". */
export interface DecodedBrCode {
  kind: BrCodeKind;
  fields: BrCodeFields;
  warnings: string[];
}

/** Fields every kind carries. Text is normalised by the encoder (diacritics stripped, name/city upper-cased). */
export interface BrCodeCommonInput {
  /** 59, 1–25 characters after normalisation. */
  merchantName: string;
  /** 60, 1–15 characters after normalisation. */
  merchantCity: string;
  /** 52, 4 digits; default "0000". */
  mcc?: string;
  /** 61, 8 digits (CEP). */
  postalCode?: string;
  /**
   * 01: "11" reusable, "12" single use. Default: "12" when the code has a URL in 26.25 (PIX_SPEC
   * §1.2), omitted otherwise (for a static code "12" is only a hint to the payer app, iss:139).
   */
  pointOfInitiationMethod?: '11' | '12';
}

/** Static part: a key resolved in the DICT by the payer. */
export interface BrCodeStaticPart {
  /** 26.01, a DICT key (validated). */
  key: string;
  /** 54 in centavos, > 0; absent = the payer types the amount. */
  amount?: number;
  /** 26.02 free text, ≤ 72 characters. */
  additionalInfo?: string;
  /** 26.03, 8-character ISPB of the Pix Saque/Troco provider. */
  fss?: string;
  /** 62.05, 1–25 alphanumerics; absent = `***`. */
  txid?: string;
}

/** Dynamic part: the payer fetches the charge from `https://{url}`. */
export interface BrCodeDynamicPart {
  /** 26.25, location without scheme, ≤ 77 characters. */
  url: string;
}

export type StaticBrCodeInput = BrCodeCommonInput & BrCodeStaticPart & { kind: 'static' };
export type DynamicBrCodeInput = BrCodeCommonInput & BrCodeDynamicPart & { kind: 'dynamic' };
export type RecOnlyBrCodeInput = BrCodeCommonInput & { kind: 'rec-only'; /** 80.25 */ recUrl: string };
export type CompositeBrCodeInput = BrCodeCommonInput & { kind: 'composite'; /** 80.25 */ recUrl: string } & (
    | (BrCodeStaticPart & { url?: undefined })
    | (BrCodeDynamicPart & { key?: undefined })
  );

export type BrCodeInput = StaticBrCodeInput | DynamicBrCodeInput | RecOnlyBrCodeInput | CompositeBrCodeInput;
