/**
 * AP2-style open payment mandates: a compact JWS (RFC 7515) signed by the agent's principal with
 * ES256 (RFC 7518 §3.4: ECDSA P-256 + SHA-256, the signature as the 64-byte R‖S concatenation),
 * whose claims bound what the agent may pay. Verification is node:crypto only; a forged,
 * malformed or expired token is `authentication_required` (the token is a credential).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import * as z from 'zod';
import { AppError } from '../errors.js';
import { CURRENCY_EXPONENT, MAX_AMOUNT } from '../money.js';
import { deterministicId } from '../ids.js';
import { BUDGET_PERIODS, MANDATE_PAYMENT_METHODS, type Agent, type Mandate } from './types.js';

const amount = z.number().int().min(0).max(MAX_AMOUNT);

/** The claims of an open mandate token. `exp` is seconds since the epoch (RFC 7519 §4.1.4). */
export const openMandateClaims = z.object({
  iss: z.string().optional(),
  sub: z.string().min(1),
  jti: z.string().min(1).max(128),
  exp: z.number().int(),
  iat: z.number().int().optional(),
  currency: z.string().refine((c) => Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENT, c)),
  amount: z.object({ min: amount.optional(), max: amount }),
  budget: z.object({ amount, period: z.enum(BUDGET_PERIODS) }),
  payees: z.array(z.string().min(1)).min(1),
  payment_methods: z.array(z.enum(MANDATE_PAYMENT_METHODS)).min(1).optional(),
});
export type OpenMandateClaims = z.infer<typeof openMandateClaims>;

const rejected = (why: string): AppError => new AppError('authentication_required', `Invalid mandate token: ${why}`, { param: 'mandate_token' });

function b64url(part: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw rejected('not base64url');
  return Buffer.from(part, 'base64url');
}

function jsonPart(part: string): unknown {
  try {
    return JSON.parse(b64url(part).toString('utf8'));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw rejected('not JSON');
  }
}

/**
 * Verifies `token` against the agent's principal key and returns its claims.
 * @throws AppError authentication_required — bad shape, algorithm other than ES256, bad
 *   signature, another agent's token, or `exp` not after `now`.
 */
export function verifyOpenMandate(token: string, agent: Agent, now: Date): OpenMandateClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw rejected('not a compact JWS');
  const [h = '', p = '', s = ''] = parts;
  const header = jsonPart(h) as { alg?: unknown; crit?: unknown };
  // Only ES256: never `none`, never an algorithm chosen by the token (RFC 8725 §3.1).
  if (header.alg !== 'ES256') throw rejected('alg must be ES256');
  if (header.crit !== undefined) throw rejected('unsupported critical header');
  if (!agent.principal_jwk) throw rejected('the agent has no principal key');
  const signature = b64url(s);
  if (signature.length !== 64) throw rejected('bad signature');
  let ok = false;
  try {
    const key = createPublicKey({ key: { ...agent.principal_jwk } as never, format: 'jwk' });
    ok = verify('sha256', Buffer.from(`${h}.${p}`, 'ascii'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    ok = false;
  }
  if (!ok) throw rejected('bad signature');
  const claims = openMandateClaims.safeParse(jsonPart(p));
  if (!claims.success) throw rejected(`bad claims (${claims.error.issues[0]?.path.join('.') ?? ''})`);
  if (claims.data.sub !== agent.id) throw rejected('issued for another agent');
  if (claims.data.exp * 1000 <= now.getTime()) throw rejected('expired');
  return claims.data;
}

/** The mandate an open-mandate token stands for; its id is derived from (agent, jti). */
export function mandateFromClaims(c: OpenMandateClaims, agent: Agent, now: Date): Mandate {
  return {
    id: deterministicId('omd', agent.id, c.jti),
    kind: 'open',
    agent_id: agent.id,
    merchant_id: agent.merchant_id,
    currency: c.currency,
    max_amount_per_payment: c.amount.max,
    ...(c.amount.min !== undefined ? { min_amount_per_payment: c.amount.min } : {}),
    budget: c.budget,
    allowed_payment_methods: c.payment_methods ?? ['card', 'pix'],
    allowed_payees: c.payees,
    expires_at: new Date(c.exp * 1000).toISOString(),
    status: 'active',
    created: now.toISOString(),
    jti: c.jti,
    claims_hash: createHash('sha256').update(JSON.stringify(c)).digest('hex'),
  };
}
