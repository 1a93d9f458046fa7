/**
 * Local-mode KeyService: a 32-byte master key from a file (hex), never leaving the machine. Data
 * keys are wrapped with AES-256-GCM under it; fingerprint keys are derived with HKDF per purpose.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataKey, KeyService } from './key-service.js';
import { canonicalJson } from '../../core/canonical-json.js';

export class LocalKeyService implements KeyService {
  private readonly master: Buffer;
  constructor(keyFile: string) {
    const hex = readFileSync(keyFile, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${keyFile} must hold 32 bytes as 64 hex characters`);
    this.master = Buffer.from(hex, 'hex');
  }

  async generateDataKey(context: Record<string, string>): Promise<DataKey> {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.master, iv);
    c.setAAD(Buffer.from(canonicalJson(context)));
    const wrapped = Buffer.concat([c.update(plaintext), c.final()]);
    return { plaintext, encrypted: `local:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${wrapped.toString('base64')}` };
  }

  async decryptDataKey(encrypted: string, context: Record<string, string>): Promise<Buffer> {
    const [scheme, iv, tag, wrapped] = encrypted.split(':');
    if (scheme !== 'local' || !iv || !tag || !wrapped) throw new Error('not a locally wrapped data key');
    const d = createDecipheriv('aes-256-gcm', this.master, Buffer.from(iv, 'base64'));
    d.setAAD(Buffer.from(canonicalJson(context)));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(wrapped, 'base64')), d.final()]);
  }

  async fingerprint(purpose: string, value: string): Promise<string> {
    const key = Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `agentpay:${purpose}`, 32));
    return createHmac('sha256', key).update(value).digest('base64url').slice(0, 22);
  }
}
