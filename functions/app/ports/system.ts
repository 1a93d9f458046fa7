/** Time and identifiers are ports: use cases never read the clock or draw randomness themselves. */
export interface Clock {
  now(): Date;
}
export interface Ids {
  /** A new random id with the given prefix (`pay`, `re`, `evt`, …). */
  random(prefix: string): string;
  /** Cryptographically random bytes (for secrets). */
  bytes(n: number): Uint8Array;
}
