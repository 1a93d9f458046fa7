import { fnv1a32 } from '../routing/prng.js';

/**
 * Counter-based randomness for the lab: a uniform in [0, 1) derived only from
 * (seed, transaction index, label). Every strategy therefore sees the same amount, mix entry and
 * outcome for a given (transaction, processor), whatever it did before — so differences between
 * strategies are not sampling noise.
 */
export function hashUniform(seed: number, index: number, label: string): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 0x632be5ab, 0xc2b2ae35) ^ fnv1a32(label);
  // murmur3 finaliser: full avalanche, so neighbouring indices give unrelated values.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Standard normal from two hashed uniforms (Box–Muller). */
export function hashNormal(seed: number, index: number, label: string): number {
  const u1 = Math.max(hashUniform(seed, index, `${label}#1`), 1e-12);
  const u2 = hashUniform(seed, index, `${label}#2`);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
