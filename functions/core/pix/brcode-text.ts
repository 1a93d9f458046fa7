/**
 * Text rules of the BR Code (PIX_SPEC §1.1): the manual restricts text to printable ASCII, and
 * accents are a frequent cause of "invalid QR" in bank apps (InCuca/pix-for-woocommerce#8,
 * bacen/pix-api#318), so the encoder strips diacritics and the decoder only warns about them.
 */

/** True when every character is printable ASCII (U+0020–U+007E). */
export function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** True when every character is ASCII alphanumeric. */
export function isAlnum(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** True when every character is an ASCII digit. */
export function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * "São Paulo" → "Sao Paulo" (or "SAO PAULO" with `upper`), trimmed, inner whitespace runs collapsed
 * to one space. Returns undefined when the result still has a non-printable-ASCII character
 * (e.g. "€", CJK), which the encoder must refuse rather than silently drop.
 */
export function toBrCodeText(text: string, upper: boolean): string | undefined {
  let s = text;
  if (!isPrintableAscii(s)) {
    // NFKD splits "ã" into "a" + U+0303 (the combining marks are then dropped) and maps
    // compatibility characters common in Brazilian text to ASCII ("nº" → "no", "1ª" → "1a").
    s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
  }
  s = s.trim();
  if (s.includes('  ')) s = s.replace(/ {2,}/g, ' ');
  if (upper) s = s.toUpperCase();
  return isPrintableAscii(s) ? s : undefined;
}
