import { describe, expect, it } from 'vitest';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';
import { PixApiError, codeForStatus, problemFromResponse } from '../../../functions/adapters/pix-api/errors.js';
import { TokenCache } from '../../../functions/adapters/pix-api/oauth.js';

describe('problem mapping', () => {
  it('reads an RFC 7807 Problema with violacoes, hiding the values', () => {
    const e = problemFromResponse(
      400,
      JSON.stringify({
        type: 'https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida', title: 'Cobrança inválida.', status: 400,
        detail: 'A requisição não respeita o schema.', correlationId: 'c1',
        violacoes: [{ razao: 'O campo cob.chave não respeita o schema.', propriedade: 'cob.chave', valor: '061996671234' }],
      }),
    );
    expect(e).toBeInstanceOf(PixApiError);
    expect(e).toBeInstanceOf(PixPspError);
    expect(e).toMatchObject({ code: 'invalid_request', status: 400, problemType: 'CobOperacaoInvalida' });
    expect(e.problem.correlationId).toBe('c1');
    expect(e.problem.violations[0]?.value?.reveal()).toBe('061996671234');
    expect(e.message).not.toContain('061996671234');
    expect(JSON.stringify(e.problem)).not.toContain('061996671234');
  });

  it('reads an OAuth error body (RFC 6749 §5.2) and a body that is not JSON', () => {
    expect(problemFromResponse(401, '{"error":"invalid_client","error_description":"bad"}').problem).toMatchObject({ type: 'invalid_client', detail: 'bad', status: 401 });
    expect(problemFromResponse(502, '<html>bad gateway</html>')).toMatchObject({ code: 'unavailable', problem: { type: 'about:blank', title: 'HTTP 502' } });
  });

  it('maps HTTP statuses to our codes, with retryable ones flagged', () => {
    expect([400, 401, 403, 404, 409, 408, 429, 503, 302].map(codeForStatus)).toEqual([
      'invalid_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'timeout', 'unavailable', 'unavailable', 'protocol',
    ]);
    expect(problemFromResponse(503, '').retryable).toBe(true);
    expect(problemFromResponse(400, '').retryable).toBe(false);
  });
});

describe('TokenCache', () => {
  function setup(expiresInSeconds = 100, renewBeforeSeconds?: number) {
    let now = 1_000_000;
    let n = 0;
    const release: (() => void)[] = [];
    let gate = false;
    const cache = new TokenCache({
      now: () => now,
      ...(renewBeforeSeconds !== undefined ? { renewBeforeSeconds } : {}),
      fetchToken: async () => {
        n++;
        if (gate) await new Promise<void>((r) => release.push(r));
        return { accessToken: `t${n}`, expiresInSeconds };
      },
    });
    return { cache, advance: (ms: number) => (now += ms), hold: () => (gate = true), release: () => release.splice(0).forEach((r) => r()) };
  }

  it('reuses the token until renewBeforeSeconds before expiry', async () => {
    const { cache, advance } = setup(100, 20);
    expect(await cache.get()).toBe('t1');
    advance(79_000);
    expect(await cache.get()).toBe('t1');
    advance(2_000);
    expect(await cache.get()).toBe('t2');
    expect(cache.requests).toBe(2);
  });

  it('caps the margin at half the lifetime for short-lived tokens', async () => {
    const { cache, advance } = setup(10, 60);
    await cache.get();
    advance(4_900);
    expect(await cache.get()).toBe('t1');
    advance(200);
    expect(await cache.get()).toBe('t2');
  });

  it('concurrent callers share one in-flight request', async () => {
    const { cache, hold, release } = setup();
    hold();
    const all = Promise.all([cache.get(), cache.get(), cache.get()]);
    await new Promise((r) => setTimeout(r, 5));
    release();
    expect(await all).toEqual(['t1', 't1', 't1']);
    expect(cache.requests).toBe(1);
  });

  it('invalidate drops only the refused token, so stale 401s do not discard a newer one', async () => {
    const { cache } = setup();
    await cache.get();
    cache.invalidate('t1');
    expect(await cache.get()).toBe('t2');
    cache.invalidate('t1');
    expect(await cache.get()).toBe('t2');
    expect(cache.requests).toBe(2);
  });

  it('a failed token request is not cached: the next call tries again', async () => {
    let fail = true;
    const cache = new TokenCache({ now: () => 0, fetchToken: async () => { if (fail) throw new Error('down'); return { accessToken: 'ok', expiresInSeconds: 60 }; } });
    await expect(cache.get()).rejects.toThrow('down');
    fail = false;
    expect(await cache.get()).toBe('ok');
  });
});
