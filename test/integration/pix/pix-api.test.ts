/**
 * The API Pix connector against the sandbox PSP over real HTTP: the shared PixPsp contract, then
 * what only a real connector has (OAuth token reuse, renewal and retry, problem mapping, timeouts).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PixApiError, PixApiPsp } from '../../../functions/adapters/pix-api/index.js';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';
import { start, type PixSandbox } from '../../../local/sandbox/pix.js';
import { pixPspContract, txid } from '../../contract/pix-psp.contract.js';
import { connector, control, sandboxHarness } from './harness.js';

pixPspContract('API Pix connector ↔ sandbox PSP', () => sandboxHarness());

describe('API Pix connector: OAuth and errors', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });
  async function boot(opts: Parameters<typeof start>[0] = {}): Promise<PixSandbox> {
    const s = await start(opts);
    cleanup.push(() => s.stop());
    return s;
  }
  function psp(s: PixSandbox, extra: Parameters<typeof connector>[1] = {}): PixApiPsp {
    const p = connector(s, extra);
    cleanup.push(() => p.close());
    return p;
  }
  const create = (p: PixApiPsp, s: PixSandbox) =>
    p.createCharge({ txid: txid(), amount: 100, expiresInSeconds: 60, receiverKey: s.env.PIX_RECEIVER_KEY });

  it('reuses one token across sequential and concurrent calls', async () => {
    const s = await boot();
    const p = psp(s);
    await create(p, s);
    await create(p, s);
    await Promise.all(Array.from({ length: 10 }, () => create(p, s)));
    expect(s.stats().tokenRequests).toBe(1);
    expect(p.client.tokenRequests).toBe(1);
  });

  it('concurrent first calls share a single in-flight token request', async () => {
    const s = await boot();
    const p = psp(s);
    await Promise.all(Array.from({ length: 8 }, () => create(p, s)));
    expect(s.stats().tokenRequests).toBe(1);
  });

  it('renews the token before expires_in runs out (renewBeforeSeconds)', async () => {
    const s = await boot({ tokenTtlSeconds: 120 });
    let now = Date.now();
    const p = psp(s, { now: () => now, renewBeforeSeconds: 30 });
    await create(p, s);
    now += 80_000; // 40 s left: outside the 30 s margin → reuse
    await create(p, s);
    expect(s.stats().tokenRequests).toBe(1);
    now += 15_000; // 25 s left: inside the margin → renew
    await create(p, s);
    expect(s.stats().tokenRequests).toBe(2);
    expect(s.stats().unauthorized).toBe(0);
  });

  it('the sandbox rejects an expired token with 401, and the connector recovers with one fresh token', async () => {
    let clock = Date.now();
    const s = await boot({ tokenTtlSeconds: 60, now: () => new Date(clock) });
    const p = psp(s); // the connector's own clock does not move: it believes its token is valid
    await create(p, s);
    clock += 61_000;
    await create(p, s);
    expect(s.stats().unauthorized).toBe(1);
    expect(s.stats().tokenRequests).toBe(2);
  });

  it('retries once with a fresh token when the PSP revokes the current one', async () => {
    const s = await boot();
    const p = psp(s);
    await create(p, s);
    await control(s, 'revoke-tokens');
    await expect(create(p, s)).resolves.toMatchObject({ status: 'active' });
    expect(s.stats().tokenRequests).toBe(2);
  });

  it('maps a 401 from the token endpoint to PixApiError (unauthorized, invalid_client)', async () => {
    const s = await boot();
    const p = psp(s, { clientSecret: 'wrong' });
    const err = await create(p, s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PixApiError);
    expect(err).toBeInstanceOf(PixPspError);
    expect(err).toMatchObject({ code: 'unauthorized', status: 401, problem: { type: 'invalid_client' } });
  });

  it('maps a 400 problem with violacoes without putting the offending value in the message', async () => {
    const s = await boot();
    const p = psp(s);
    const foreignKey = 'someone@example.com';
    const err = await p.createCharge({ txid: txid(), amount: 100, expiresInSeconds: 60, receiverKey: foreignKey }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PixApiError);
    const e = err as PixApiError;
    expect(e.code).toBe('invalid_request');
    expect(e.problemType).toBe('CobOperacaoInvalida');
    expect(e.problem.type).toBe('https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida');
    expect(e.problem.violations.map((v) => v.property)).toContain('cob.chave');
    expect(e.message).toContain('cob.chave');
    expect(e.message).not.toContain(foreignKey);
  });

  it('a token without the needed scope gets 403 AcessoNegado as PixApiError forbidden', async () => {
    const s = await boot();
    const p = psp(s, { scopes: ['cob.read'] });
    const err = await create(p, s).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'forbidden', status: 403, problemType: 'AcessoNegado' });
  });

  it('gives up on a PSP that never answers with a retryable timeout error', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    cleanup.push(
      () =>
        new Promise<void>((r) => {
          for (const so of sockets) so.destroy();
          silent.close(() => r());
        }),
    );
    const { port } = silent.address() as { port: number };
    const p = new PixApiPsp({ baseUrl: `http://127.0.0.1:${port}`, clientId: 'a', clientSecret: 'b', timeoutMs: 200 });
    cleanup.push(() => p.close());
    const err = await p.getCharge(txid()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('refuses half-configured mTLS (a certificate without its key)', () => {
    expect(() => new PixApiPsp({ baseUrl: 'https://pix.example.com', clientId: 'a', clientSecret: 'b', certFile: '/nope.pem' })).toThrow(PixPspError);
  });
});
