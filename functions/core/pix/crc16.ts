/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0), the BR Code checksum
 * (PIX_SPEC §1.3; check value "123456789" → 29B1). Computed over the UTF-8 bytes of the text, which
 * equal the char codes for ASCII payloads; non-ASCII text (tolerated on decode, PIX_SPEC §1.1) is
 * encoded on the fly so no Buffer is allocated per call. Table-driven: one lookup per byte.
 */

const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

const HEX = '0123456789ABCDEF';

function step(crc: number, byte: number): number {
  return ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ byte) & 0xff]!;
}

/**
 * CRC-16/CCITT-FALSE of the UTF-8 encoding of `text.slice(start, end)`.
 * Lone surrogates are encoded as U+FFFD, as `Buffer.from(text, 'utf8')` does.
 */
export function crc16(text: string, start = 0, end = text.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ c) & 0xff]!;
      continue;
    }
    if (c < 0x800) {
      crc = step(step(crc, 0xc0 | (c >> 6)), 0x80 | (c & 0x3f));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        crc = step(step(step(step(crc, 0xf0 | (cp >> 18)), 0x80 | ((cp >> 12) & 0x3f)), 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
        continue;
      }
      c = 0xfffd;
    }
    crc = step(step(step(crc, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 0x3f)), 0x80 | (c & 0x3f));
  }
  return crc;
}

/** Four upper-case, zero-padded hex digits, as the CRC object's value must be written (PIX_SPEC §1.3). */
export function crc16Hex(text: string, start = 0, end = text.length): string {
  const v = crc16(text, start, end);
  return HEX[(v >>> 12) & 0xf]! + HEX[(v >>> 8) & 0xf]! + HEX[(v >>> 4) & 0xf]! + HEX[v & 0xf]!;
}
