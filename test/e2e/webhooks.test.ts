/**
 * Merchant webhooks end to end: a payment's event goes API → outbox → stream → bus → dispatcher →
 * a real HTTP receiver, signed as API.md specifies, recorded in the endpoint's delivery log; a
 * receiver that fails gets the delivery scheduled for a retry instead of losing it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../functions/core/webhooks.js';
import { client, TEST_CARDS } from '../support/http-client.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';

let rt: TestRuntime;
let receiver: Server;
let receiverUrl: string;
let failNext = 0;
const received: Array<{ signature: string; body: string }> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ signature: String(req.headers['smart-agent-pay-signature'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  rt = await startTestRuntime();
}, 60_000);

afterAll(async () => {
  await rt?.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
});

describe('merchant webhooks over HTTP', () => {
  it('delivers payment.succeeded signed with the endpoint secret, once, and logs the delivery', async () => {
    const m = await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'Hooks' });
    const api = client(rt.url, m.body.secret_key);
    const ep = await api.post('/v1/webhook_endpoints', { url: receiverUrl, events: ['payment.succeeded'] });
    expect(ep.status).toBe(201);
    expect(ep.body.secret).toMatch(/^whsec_/);
    const pm = await api.post('/v1/payment_methods', { type: 'card', card: { number: TEST_CARDS.approved, exp_month: 12, exp_year: 2031 } });
    const p = await api.post('/v1/payments', { amount: 1990, currency: 'brl', payment_method: { type: 'card', token: pm.body.id } }, { 'idempotency-key': 'hook-1' });
    expect(p.body.status).toBe('succeeded');
    const got = await eventually(async () => received.find((r) => r.body.includes(p.body.id)), 10_000);
    const event = JSON.parse(got.body);
    expect(event).toMatchObject({ object: 'event', type: 'payment.succeeded', data: { object: { id: p.body.id, status: 'succeeded' } } });
    expect(verifySignature(ep.body.secret, got.signature, got.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('whsec_other', got.signature, got.body, Math.floor(Date.now() / 1000))).toBe(false);
    const log = await eventually(async () => {
      const r = await api.get(`/v1/webhook_endpoints/${ep.body.id}/deliveries`);
      return r.body.data.find((d: { event_id: string; status: string }) => d.event_id === event.id && d.status === 'delivered');
    }, 5_000);
    expect(log.attempts).toBe(1);
    expect(received.filter((r) => r.body.includes(p.body.id))).toHaveLength(1);
  });

  it('keeps a failed delivery pending with its next attempt scheduled instead of dropping it', async () => {
    const m = await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'Hooks 2' });
    const api = client(rt.url, m.body.secret_key);
    const ep = await api.post('/v1/webhook_endpoints', { url: receiverUrl, events: ['*'] });
    failNext = 1_000;
    try {
      const pm = await api.post('/v1/payment_methods', { type: 'card', card: { number: TEST_CARDS.declined, exp_month: 12, exp_year: 2031 } });
      const p = await api.post('/v1/payments', { amount: 500, currency: 'brl', payment_method: { type: 'card', token: pm.body.id } }, { 'idempotency-key': 'hook-2' });
      expect(p.body.status).toBe('failed');
      const pending = await eventually(async () => {
        const r = await api.get(`/v1/webhook_endpoints/${ep.body.id}/deliveries`);
        return r.body.data.find((d: { event_type: string; status: string; attempts: number }) => d.event_type === 'payment.failed' && d.status === 'pending' && d.attempts >= 1);
      }, 10_000);
      expect(pending.last_status_code).toBe(503);
      expect(Date.parse(pending.next_attempt_at)).toBeGreaterThan(Date.now());
    } finally {
      failNext = 0;
    }
  });

  it('refuses an endpoint URL that is not a URL, naming the field', async () => {
    const m = await client(rt.url, rt.adminKey).post('/v1/admin/merchants', { name: 'Hooks 3' });
    const r = await client(rt.url, m.body.secret_key).post('/v1/webhook_endpoints', { url: 'not a url', events: ['payment.succeeded'] });
    expect(r.status).toBe(400);
    expect(r.body.param).toBe('url');
  });
});
