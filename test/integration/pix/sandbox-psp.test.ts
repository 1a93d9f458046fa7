/**
 * What the sandbox PSP does beyond the PixPsp contract: signed payload locations (JWS + JWKS),
 * webhook callbacks (duplicate, delayed, forged), raw OAuth behaviour, and the pay control's
 * BR Code input.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBrCode, isValidEndToEndId } from '../../../functions/core/pix/index.js';
import { txid } from '../../contract/pix-psp.contract.js';
import { control, sandboxHarness } from './harness.js';

type Harness = Awaited<ReturnType<typeof sandboxHarness>>;

interface Received {
  path: string;
  body: { pix: { endToEndId: string; txid?: string; valor: string; horario: string }[] };
}

async function receiver(): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      got.push({ path: req.url ?? '', body: JSON.parse(data) as Received['body'] });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    got,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Pix sandbox PSP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await sandboxHarness();
  });
  afterEach(async () => {
    await h.stop();
  });
  const charge = (amount = 1050) => h.psp.createCharge({ txid: txid(), amount, expiresInSeconds: 600, receiverKey: h.receiverKey, payer: { name: 'Fulana', taxId: '12345678909' } });

  it('serves the charge at its location as a compact ES256 JWS that verifies against the JWKS', async () => {
    const c = await charge(1050);
    expect(c.location).toMatch(/^127\.0\.0\.1:\d+\/qr\/v2\/[0-9a-f]{32}$/);
    const res = await fetch(`http://${c.location}`); // the payer app prepends https://; the sandbox is plain http
    expect(res.headers.get('content-type')).toContain('application/jose');
    const jws = await res.text();
    const [h64, p64, s64] = jws.split('.');
    expect(jws.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(h64!, 'base64url').toString()) as { alg: string; kid: string; jku?: string };
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWS' });
    expect(header.jku).toBeUndefined();
    const jwks = (await (await fetch(`${h.sandbox.baseUrl}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const jwk = jwks.keys.find((k) => k.kid === header.kid);
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: jwk!, format: 'jwk' });
    const ok = verify('sha256', Buffer.from(`${h64}.${p64}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s64!, 'base64url'));
    expect(ok).toBe(true);
    const tampered = Buffer.from(`${h64}.${p64}x`);
    expect(verify('sha256', tampered, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s64!, 'base64url'))).toBe(false);
    const payload = JSON.parse(Buffer.from(p64!, 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ txid: c.txid, status: 'ATIVA', valor: { original: '10.50' }, chave: h.receiverKey, revisao: 0 });
    expect((payload.calendario as { apresentacao?: string }).apresentacao).toBeDefined();
  });

  it('stops serving the payload of a removed charge (404)', async () => {
    const c = await charge();
    await h.psp.updateCharge(c.txid, { status: 'removed_by_receiver' });
    expect((await fetch(`http://${c.location}`)).status).toBe(404);
  });

  it('a dynamic BR Code carries the URL without scheme and *** as txid, with the configured merchant', async () => {
    const c = await charge();
    const d = decodeBrCode(c.brcode);
    expect(d.fields).toMatchObject({ url: c.location, txid: '***', merchant_name: 'SMART AGENT PAY SANDBOX', merchant_city: 'SAO PAULO' });
    expect(d.fields.amount).toBeUndefined();
  });

  it('posts the API Pix webhook to {url}/pix once per payment, twice with duplicate', async () => {
    const r = await receiver();
    try {
      await h.psp.configureWebhook(h.receiverKey, r.url);
      const c1 = await charge(700);
      const paid = await control<{ endToEndId: string; webhook: string }>(h.sandbox, 'pay', { txid: c1.txid });
      expect(paid.webhook).toBe('delivered');
      expect(r.got).toHaveLength(1);
      expect(r.got[0]!.path).toBe('/webhooks/pix');
      expect(r.got[0]!.body.pix).toEqual([expect.objectContaining({ endToEndId: paid.endToEndId, txid: c1.txid, valor: '7.00' })]);
      const c2 = await charge(800);
      await control(h.sandbox, 'pay', { txid: c2.txid, duplicate: true });
      expect(r.got.filter((g) => g.body.pix[0]?.txid === c2.txid)).toHaveLength(2);
    } finally {
      await r.close();
    }
  });

  it('delays the webhook by delay_ms but settles the charge at once', async () => {
    const r = await receiver();
    try {
      await h.psp.configureWebhook(h.receiverKey, r.url);
      const c = await charge();
      const paid = await control<{ webhook: string }>(h.sandbox, 'pay', { txid: c.txid, delay_ms: 150 });
      expect(paid.webhook).toBe('scheduled');
      expect((await h.psp.getCharge(c.txid))?.status).toBe('completed');
      expect(r.got).toHaveLength(0);
      await waitFor(() => r.got.length === 1);
    } finally {
      await r.close();
    }
  });

  it('notifies again when a refund of a txid-bearing Pix settles, with the refund in devolucoes', async () => {
    const r = await receiver();
    try {
      await h.psp.configureWebhook(h.receiverKey, r.url);
      const c = await charge(1000);
      const e2e = await h.pay(c.txid);
      await h.psp.requestRefund({ endToEndId: e2e, refundId: 'r1', amount: 100 });
      await waitFor(() => r.got.length === 2);
      const last = r.got[1]!.body.pix[0] as unknown as { devolucoes: { id: string; status: string }[] };
      expect(last.devolucoes).toEqual([expect.objectContaining({ id: 'r1', status: 'DEVOLVIDO' })]);
    } finally {
      await r.close();
    }
  });

  it('sends a forged webhook for a Pix the PSP never received: getPix does not know it', async () => {
    const r = await receiver();
    try {
      await h.psp.configureWebhook(h.receiverKey, r.url);
      const forged = await control<{ endToEndId: string; webhook: string }>(h.sandbox, 'unsolicited', { amount: 5000 });
      expect(forged.webhook).toBe('delivered');
      expect(isValidEndToEndId(forged.endToEndId)).toBe(true);
      expect(r.got[0]!.body.pix[0]!.endToEndId).toBe(forged.endToEndId);
      expect(await h.psp.getPix(forged.endToEndId)).toBeUndefined();
    } finally {
      await r.close();
    }
  });

  it('pays a charge given its BR Code, and refuses to pay it twice', async () => {
    const c = await charge(2500);
    const paid = await control<{ endToEndId: string; txid: string; valor: string }>(h.sandbox, 'pay', { brcode: c.brcode });
    expect(paid).toMatchObject({ txid: c.txid, valor: '25.00' });
    await expect(control(h.sandbox, 'pay', { brcode: c.brcode })).rejects.toThrow(/409/);
  });

  it('pays a static BR Code of the receiver key: a Pix without cob, amount from the code', async () => {
    const { encodeBrCode } = await import('../../../functions/core/pix/index.js');
    const code = encodeBrCode({ kind: 'static', key: h.receiverKey, amount: 1234, txid: 'LOJA01', merchantName: 'X', merchantCity: 'Y' });
    const paid = await control<{ endToEndId: string; txid: string; webhook: string }>(h.sandbox, 'pay', { brcode: code });
    expect(paid.txid).toBe('LOJA01');
    expect(paid.webhook).toBe('not_configured');
    expect((await h.psp.getPix(paid.endToEndId))?.amount).toBe(1234);
  });

  it('answers 401 with WWW-Authenticate for a missing or unknown bearer token', async () => {
    const none = await fetch(`${h.sandbox.baseUrl}/cob/${txid()}`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const bad = await fetch(`${h.sandbox.baseUrl}/cob/${txid()}`, { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
  });

  it('issues tokens only for client_credentials with the right client secret', async () => {
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const url = `${h.sandbox.baseUrl}/oauth/token`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const ok = await fetch(url, { method: 'POST', headers: { ...form, authorization: basic(h.sandbox.env.PIX_CLIENT_ID, h.sandbox.env.PIX_CLIENT_SECRET) }, body: 'grant_type=client_credentials&scope=cob.read' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'cob.read' });
    const wrongGrant = await fetch(url, { method: 'POST', headers: { ...form, authorization: basic(h.sandbox.env.PIX_CLIENT_ID, h.sandbox.env.PIX_CLIENT_SECRET) }, body: 'grant_type=password' });
    expect(wrongGrant.status).toBe(400);
    const wrongSecret = await fetch(url, { method: 'POST', headers: { ...form, authorization: basic(h.sandbox.env.PIX_CLIENT_ID, 'x') }, body: 'grant_type=client_credentials' });
    expect(wrongSecret.status).toBe(401);
  });

  it('GET /rec/{idRec} returns a rec-only BR Code whose 80.25 is the recurrence location', async () => {
    const rec = await h.psp.createRecurrence({ contract: 'C1', debtor: { name: 'F', taxId: '12345678909' }, startDate: '2030-01-01', period: 'annual', retryPolicy: 'no_retries' });
    const got = await h.psp.getRecurrence(rec.id);
    expect(got?.brcode).toBeDefined();
    const d = decodeBrCode(got!.brcode!);
    expect(d.kind).toBe('rec-only');
    expect(d.fields.rec_url).toBe(got?.location);
    expect((await fetch(`http://${got!.location}`)).headers.get('content-type')).toContain('application/jose');
  });

  it('exposes env for the composition root: base URL, client credentials and a lowercase EVP key', () => {
    const env = h.sandbox.env;
    expect(env.PIX_API_BASE).toBe(h.sandbox.baseUrl);
    expect(env.PIX_RECEIVER_KEY).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(env.PIX_CLIENT_ID).not.toBe('');
    expect(env.PIX_CLIENT_SECRET).not.toBe('');
  });
});
