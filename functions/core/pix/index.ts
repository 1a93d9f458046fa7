/** Pix core: BR Code codec, Pix keys, txid, endToEndId (PIX_SPEC.md). Pure: no I/O, clock or RNG. */
export { BrCodeError, PixIdError, PixKeyError, type PixKeyType } from './errors.js';
export { crc16, crc16Hex } from './crc16.js';
export { parseTlv, tlv, type TlvObject } from './tlv.js';
export {
  MAX_PAYLOAD_LENGTH,
  PIX_GUI,
  type BrCodeCommonInput,
  type BrCodeDynamicPart,
  type BrCodeFields,
  type BrCodeInput,
  type BrCodeKind,
  type BrCodeStaticPart,
  type CompositeBrCodeInput,
  type DecodedBrCode,
  type DynamicBrCodeInput,
  type RecOnlyBrCodeInput,
  type StaticBrCodeInput,
} from './brcode-model.js';
export { decodeBrCode } from './brcode-decode.js';
export { MAX_BRCODE_AMOUNT, encodeBrCode } from './brcode-encode.js';
export { brCodeInputFromDecoded } from './brcode-input.js';
export { classifyPixKey, isValidPixKey, validatePixKey } from './pix-key.js';
export { cnpjCheckDigits, cpfCheckDigits, isValidCnpj, isValidCpf } from './tax-id.js';
export { NO_TXID, generateTxid, isValidDynamicTxid, isValidStaticTxid } from './txid.js';
export { generateEndToEndId, isValidEndToEndId, parseEndToEndId, type EndToEndIdParts } from './end-to-end-id.js';
export type { RandomBytes } from './random-alnum.js';
export { QR_OPTIONS, type QrRenderer } from './qr.js';
