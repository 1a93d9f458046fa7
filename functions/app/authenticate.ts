import { bearerToken, hashApiKey, parseApiKey, sameDigest } from '../core/api-keys.js';
import type { MerchantStore } from './ports/merchant-store.js';

export type Authenticated =
  | { ok: true; principal: { kind: 'admin' } | { kind: 'merchant'; merchantId: string; keyId: string } | { kind: 'agent'; merchantId: string; keyId: string; agentId: string; mandateId: string } }
  | { ok: false; reason: string };

/**
 * Resolves `Authorization: Bearer <key>`: the operator's admin key (compared by hash in constant
 * time), or a merchant/agent key looked up by its SHA-256. Revoked keys fail at once.
 */
export async function authenticate(authorization: string | undefined, deps: { merchants: MerchantStore; adminKeySha256?: string | undefined }): Promise<Authenticated> {
  const key = bearerToken(authorization);
  if (!key) return { ok: false, reason: 'missing bearer key' };
  const hash = hashApiKey(key);
  if (deps.adminKeySha256 && sameDigest(hash, deps.adminKeySha256)) return { ok: true, principal: { kind: 'admin' } };
  if (!parseApiKey(key)) return { ok: false, reason: 'malformed key' };
  const rec = await deps.merchants.findKeyByHash(hash);
  if (!rec || rec.status !== 'active') return { ok: false, reason: rec ? 'revoked key' : 'unknown key' };
  if (rec.kind === 'agent') {
    if (!rec.agentId || !rec.mandateId) return { ok: false, reason: 'agent key without mandate' };
    return { ok: true, principal: { kind: 'agent', merchantId: rec.merchantId, keyId: rec.keyId, agentId: rec.agentId, mandateId: rec.mandateId } };
  }
  return { ok: true, principal: { kind: 'merchant', merchantId: rec.merchantId, keyId: rec.keyId } };
}
