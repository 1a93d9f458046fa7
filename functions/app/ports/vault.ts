/**
 * The vault: envelope encryption of secrets (PANs, PII fields) and keyed fingerprints. Use cases
 * only ever see ciphertext envelopes and fingerprints; key material stays inside the adapter.
 */
export interface Sealed {
  readonly v: 1;
  readonly iv: string;
  readonly tag: string;
  readonly ct: string;
  /** The per-record data key, encrypted under the master key. */
  readonly dk: string;
}

export interface Vault {
  /** Encrypts `plaintext` bound to `context` (e.g. `{ merchant_id, pm_id }`). */
  seal(plaintext: string, context: Record<string, string>): Promise<Sealed>;
  open(sealed: Sealed, context: Record<string, string>): Promise<string>;
  /** Keyed, irreversible fingerprint (same card → same fingerprint). */
  fingerprint(purpose: string, value: string): Promise<string>;
}
