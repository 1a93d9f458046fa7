import type { Rng } from './types.js';

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32. Deterministic,
 * fast, and good enough for Monte Carlo; not for secrets. The core never creates randomness on
 * its own — callers build one of these from a seed and pass it in.
 */
export function createPrng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = 1;
  const rng = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) rng();
  return rng;
}

/** FNV-1a 32-bit hash of a string: stable bucketing (volume splits) without randomness. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * FNV-1a followed by the murmur3 finaliser. Plain FNV-1a of ids that differ only in their last
 * characters ("pay_1", "pay_2", …) is visibly biased in its high bits; the finaliser avalanches
 * it so buckets taken from the top of the range are uniform.
 */
export function stableHash32(text: string): number {
  let h = fnv1a32(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
