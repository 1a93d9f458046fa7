/**
 * AES-256-GCM envelope encryption: each record is encrypted with its own data key, which is stored
 * encrypted under the master key (KMS or the local key file). The encryption context is bound as
 * additional authenticated data, so a ciphertext moved to another record fails to decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sealed, Vault } from '../../app/ports/vault.js';
import type { KeyService } from './key-service.js';
import { canonicalJson } from '../../core/canonical-json.js';

export async function seal(keys: KeyService, plaintext: string, context: Record<string, string>): Promise<Sealed> {
  const dk = await keys.generateDataKey(context);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', dk.plaintext, iv);
  c.setAAD(Buffer.from(canonicalJson(context)));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  dk.plaintext.fill(0);
  return { v: 1, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64'), dk: dk.encrypted };
}

export async function open(keys: KeyService, sealed: Sealed, context: Record<string, string>): Promise<string> {
  const key = await keys.decryptDataKey(sealed.dk, context);
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    d.setAAD(Buffer.from(canonicalJson(context)));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(sealed.ct, 'base64')), d.final()]).toString('utf8');
  } finally {
    key.fill(0);
  }
}

export class EnvelopeVault implements Vault {
  constructor(private readonly keys: KeyService) {}
  seal(plaintext: string, context: Record<string, string>): Promise<Sealed> {
    return seal(this.keys, plaintext, context);
  }
  open(sealed: Sealed, context: Record<string, string>): Promise<string> {
    return open(this.keys, sealed, context);
  }
  fingerprint(purpose: string, value: string): Promise<string> {
    return this.keys.fingerprint(purpose, value);
  }
}
