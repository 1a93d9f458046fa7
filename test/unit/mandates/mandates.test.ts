import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isoWeek, mandateFromClaims, mandateViolation, needsApproval, periodKey, verifyOpenMandate, type Agent, type Mandate } from '../../../functions/core/mandates/index.js';

const now = new Date('2026-11-22T12:00:00Z');
const mandate: Mandate = {
  id: 'mdt_1', kind: 'stored', agent_id: 'agt_1', merchant_id: 'mer_1', currency: 'brl', max_amount_per_payment: 50_000,
  budget: { amount: 200_000, period: 'day' }, allowed_payment_methods: ['card'], allowed_merchant_categories: ['5734'],
  requires_approval_above: 30_000, expires_at: '2027-01-01T00:00:00.000Z', status: 'active', created: '2026-11-01T00:00:00.000Z',
};
const facts = { amount: 10_000, currency: 'brl', method: 'card' as const, merchantId: 'mer_1', merchantMcc: '5734', now };

describe('mandate checks (core)', () => {
  it('allows a payment inside every limit', () => {
    expect(mandateViolation(mandate, facts)).toBeUndefined();
  });

  it.each([
    ['status', { ...mandate, status: 'revoked' as const }, facts],
    ['expires_at', { ...mandate, expires_at: '2026-11-22T11:59:59.000Z' }, facts],
    ['currency', mandate, { ...facts, currency: 'usd' }],
    ['amount', mandate, { ...facts, amount: 50_001 }],
    ['payment_method', mandate, { ...facts, method: 'pix' as const }],
    ['merchant_category', mandate, { ...facts, merchantMcc: '5999' }],
    ['merchant_category', mandate, { ...facts, merchantMcc: undefined }],
    ['payee', { ...mandate, allowed_payees: ['mer_2'] }, facts],
    ['budget', { ...mandate, max_amount_per_payment: 500_000 }, { ...facts, amount: 200_001 }],
  ])('names the limit a payment breaks: %s', (param, m, f) => {
    expect(mandateViolation(m, f)?.param).toBe(param);
  });

  it('needs approval strictly above requires_approval_above', () => {
    expect(needsApproval(mandate, 30_000)).toBe(false);
    expect(needsApproval(mandate, 30_001)).toBe(true);
    expect(needsApproval({ ...mandate, requires_approval_above: undefined }, 10 ** 9)).toBe(false);
  });

  it('derives the budget period key from the payment time in UTC (ISO weeks start on Monday)', () => {
    expect(periodKey('day', new Date('2026-11-22T23:59:59Z'))).toBe('day#2026-11-22');
    expect(periodKey('day', new Date('2026-11-23T00:00:00Z'))).toBe('day#2026-11-23');
    expect(periodKey('month', now)).toBe('month#2026-11');
    expect(periodKey('total', now)).toBe('total');
    expect(isoWeek(new Date('2021-01-03T12:00:00Z'))).toEqual({ year: 2020, week: 53 });
    expect(periodKey('week', new Date('2026-11-22T12:00:00Z'))).toBe('week#2026-W47');
    expect(periodKey('week', new Date('2026-11-23T00:00:00Z'))).toBe('week#2026-W48');
  });
});

describe('open payment mandates (compact JWS, ES256)', () => {
  const principal = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const agent: Agent = { id: 'agt_1', merchant_id: 'mer_1', name: 'bot', created: '', principal_jwk: principal.publicKey.export({ format: 'jwk' }) as Record<string, string> };
  const claims = { sub: 'agt_1', jti: 'j1', exp: Math.floor(now.getTime() / 1000) + 600, currency: 'brl', amount: { min: 100, max: 5_000 }, budget: { amount: 9_000, period: 'total' }, payees: ['mer_1'] };
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const jws = (c: unknown, key: KeyObject = principal.privateKey, header: unknown = { alg: 'ES256' }) => {
    const input = `${b64(header)}.${b64(c)}`;
    return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  };

  it('verifies a token signed by the principal and turns it into a mandate tracked per jti', () => {
    const m = mandateFromClaims(verifyOpenMandate(jws(claims), agent, now), agent, now);
    expect(m).toMatchObject({ kind: 'open', agent_id: 'agt_1', max_amount_per_payment: 5_000, min_amount_per_payment: 100, allowed_payees: ['mer_1'], jti: 'j1' });
    expect(m.id).toBe(mandateFromClaims(verifyOpenMandate(jws(claims), agent, now), agent, now).id);
    expect(mandateViolation(m, { ...facts, amount: 50 })?.param).toBe('amount');
  });

  it.each([
    ['signed by another key', () => jws(claims, other.privateKey)],
    ['expired', () => jws({ ...claims, exp: Math.floor(now.getTime() / 1000) })],
    ['for another agent', () => jws({ ...claims, sub: 'agt_2' })],
    ['alg none', () => `${b64({ alg: 'none' })}.${b64(claims)}.`],
    ['HS256 header', () => jws(claims, principal.privateKey, { alg: 'HS256' })],
    ['claims swapped after signing', () => { const [h, , s] = jws(claims).split('.'); return `${h}.${b64({ ...claims, amount: { max: 10 ** 9 } })}.${s}`; }],
    ['not a JWS', () => 'abc.def'],
    ['missing budget claim', () => jws({ ...claims, budget: undefined })],
  ])('rejects a token %s with authentication_required', (_why, make) => {
    expect(() => verifyOpenMandate(make(), agent, now)).toThrow(expect.objectContaining({ code: 'authentication_required', param: 'mandate_token' }));
  });

  it('rejects any token when the agent has no principal key', () => {
    expect(() => verifyOpenMandate(jws(claims), { ...agent, principal_jwk: undefined }, now)).toThrow(expect.objectContaining({ code: 'authentication_required' }));
  });
});
