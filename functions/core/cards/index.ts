/** Card data core: pure checks and derivations on card numbers. No I/O, no clock. */
export { isLuhnValid, luhnCheckDigit } from './luhn.js';
export { BRAND_LENGTHS, CARD_BRANDS, detectBrand, type CardBrand } from './brand.js';
export { isExpiryValid, isWellFormedExpiry, normalizeExpYear } from './expiry.js';
export { last4, normalizePan, redactPan, redactPansIn } from './pan.js';
export { cardFingerprint, FINGERPRINT_LENGTH } from './fingerprint.js';
export { validateCard, type CardInput, type CardRejection, type CardValidation, type ValidCard } from './validate.js';
