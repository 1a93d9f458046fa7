/** Master-key operations behind the envelope vault: KMS on AWS, a key file locally. */
export interface DataKey {
  readonly plaintext: Buffer;
  /** The data key encrypted under the master key, stored beside the ciphertext. */
  readonly encrypted: string;
}

export interface KeyService {
  generateDataKey(context: Record<string, string>): Promise<DataKey>;
  decryptDataKey(encrypted: string, context: Record<string, string>): Promise<Buffer>;
  fingerprint(purpose: string, value: string): Promise<string>;
}
