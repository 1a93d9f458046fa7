/**
 * AWS KeyService: data keys from the customer-managed KMS key (GenerateDataKey AES_256, with the
 * encryption context bound), fingerprints with a KMS HMAC key (GenerateMac HMAC_SHA_256), so no
 * key material ever sits in a function's configuration.
 */
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import type { DataKey, KeyService } from './key-service.js';

export class KmsKeyService implements KeyService {
  private readonly kms: KMSClient;
  constructor(region: string, private readonly keyId: string, private readonly hmacKeyId: string | undefined) {
    this.kms = new KMSClient({ region, maxAttempts: 4 });
  }

  async generateDataKey(context: Record<string, string>): Promise<DataKey> {
    const r = await this.kms.send(new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    if (!r.Plaintext || !r.CiphertextBlob) throw new Error('KMS returned no data key');
    return { plaintext: Buffer.from(r.Plaintext), encrypted: `kms:${Buffer.from(r.CiphertextBlob).toString('base64')}` };
  }

  async decryptDataKey(encrypted: string, context: Record<string, string>): Promise<Buffer> {
    if (!encrypted.startsWith('kms:')) throw new Error('not a KMS-wrapped data key');
    const r = await this.kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(encrypted.slice(4), 'base64'), EncryptionContext: context, KeyId: this.keyId }));
    if (!r.Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(r.Plaintext);
  }

  async fingerprint(purpose: string, value: string): Promise<string> {
    if (!this.hmacKeyId) throw new Error('KMS_HMAC_KEY_ID is not configured');
    const r = await this.kms.send(new GenerateMacCommand({ KeyId: this.hmacKeyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(`${purpose}\u0000${value}`) }));
    return Buffer.from(r.Mac ?? new Uint8Array()).toString('base64url').slice(0, 22);
  }
}
