/**
 * Signs dynamic-QR payloads as compact JWS (RFC 7515 §7.1: three base64url parts) with ES256,
 * using node:crypto only. The key pair is generated at sandbox start; the public key is published
 * as a JWKS. The header carries `kid` (the RFC 7638 thumbprint) and no `jku`/`x5u`/`x5c`: a real
 * PSP adds a `jku` and certificate chain (PIX_SPEC §1.4), which a loopback sandbox cannot offer.
 */
import { createHash, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';

export interface JwsSigner {
  readonly kid: string;
  sign(payload: unknown): string;
  jwks(): { keys: JsonWebKey[] };
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function createJwsSigner(): JwsSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  // RFC 7638: SHA-256 over the required members in lexicographic order.
  const kid = b64url(createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest());
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWS', kid }));
  return {
    kid,
    sign(payload) {
      const input = `${header}.${b64url(JSON.stringify(payload))}`;
      // JWS wants the raw r||s signature (RFC 7518 §3.4), not DER.
      const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${b64url(signature)}`;
    },
    jwks() {
      return { keys: [{ ...jwk, kid, use: 'sig', alg: 'ES256' }] };
    },
  };
}
