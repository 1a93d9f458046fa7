import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16, crc16Hex } from '../../../functions/core/pix/crc16.js';
import vectors from './sample-vectors.json' with { type: 'json' };
import { refCrc16 } from './support.js';

describe('crc16 (CRC-16/CCITT-FALSE, PIX_SPEC §1.3)', () => {
  it('gives the catalogue check value 29B1 for "123456789"', () => {
    expect(crc16Hex('123456789')).toBe('29B1');
    expect(crc16('123456789')).toBe(0x29b1);
  });

  it('is the init value FFFF for the empty string and zero-pads to 4 upper-case hex digits', () => {
    expect(crc16Hex('')).toBe('FFFF');
    const padded = fc.sample(fc.string(), 2000).find((s) => crc16(s) < 0x1000);
    expect(padded).toBeDefined();
    expect(crc16Hex(padded!)).toMatch(/^0[0-9A-F]{3}$/);
  });

  it('matches the CRC written in every valid sample vector', () => {
    for (const v of vectors.valid) {
      const n = v.payload.length;
      expect(crc16Hex(v.payload, 0, n - 4), v.id).toBe(v.payload.slice(n - 4));
    }
  });

  it('equals a bit-by-bit reference over the UTF-8 bytes for any string, including astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(crc16(s)).toBe(refCrc16(s));
      }),
      { numRuns: 500 },
    );
    expect(crc16('6008BRASÍLIA')).toBe(refCrc16('6008BRASÍLIA'));
    expect(crc16('a\uD800b')).toBe(refCrc16('a\uD800b'));
    expect(crc16('\uD83D\uDE00')).toBe(refCrc16('\uD83D\uDE00'));
  });

  it('computes over the [start, end) slice without copying', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (s, a, b) => {
        const start = Math.min(a, s.length);
        const end = start + Math.min(b, s.length - start);
        expect(crc16(s, start, end)).toBe(refCrc16(s.slice(start, end)));
      }),
    );
  });
});
