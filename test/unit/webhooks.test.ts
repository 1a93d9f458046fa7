import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { nextAttemptAt, RETRY_WINDOW_MS, signPayload, verifySignature } from '../../functions/core/webhooks.js';

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 as API.md specifies', () => {
    const v1 = createHmac('sha256', 'whsec_test').update('1700000000.{"a":1}').digest('hex');
    expect(signPayload('whsec_test', 1_700_000_000, '{"a":1}')).toBe(`t=1700000000,v1=${v1}`);
  });

  it('verifies its own signatures and rejects a changed body, another secret or an old timestamp', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (body, secret, t) => {
        const h = signPayload(secret, t, body);
        expect(verifySignature(secret, h, body, t)).toBe(true);
        expect(verifySignature(secret, h, body + 'x', t)).toBe(false);
        expect(verifySignature(secret + 'x', h, body, t)).toBe(false);
        expect(verifySignature(secret, h, body, t + 301)).toBe(false);
      }),
    );
  });
});

describe('webhook retry schedule', () => {
  it('backs off exponentially and stops after 24 hours', () => {
    const first = 0;
    let now = 0;
    const delays: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const at = nextAttemptAt(first, attempt, now, 1);
      if (at === undefined) break;
      delays.push(at - now);
      now = at;
    }
    expect(delays[0]).toBe(30_000);
    expect(delays[1]).toBe(60_000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(now).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(now).toBeGreaterThan(RETRY_WINDOW_MS - 3 * 3_600_000);
  });
});
