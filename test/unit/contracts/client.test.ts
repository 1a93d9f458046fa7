import { describe, expect, it } from 'vitest';
import { AgentPayClient, AgentPayError } from '../../../functions/contracts/client.js';

function recorder(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'request-id': 'req_1' } });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('typed agent client (functions/contracts/client.ts)', () => {
  it('sends money calls with their Idempotency-Key and an open mandate as Agentpay-Mandate', async () => {
    const r = recorder(201, { id: 'pay_1', status: 'succeeded' });
    const c = new AgentPayClient({ baseUrl: 'http://api.test/', apiKey: 'ak_test_x', fetch: r.fetch });
    const p = await c.createPayment({ amount: 100, currency: 'brl', payment_method: { type: 'card', token: 'pm_1' } }, { idempotencyKey: 'k1', mandateToken: 'a.b.c' });
    expect(p.id).toBe('pay_1');
    const headers = r.calls[0]!.init.headers as Record<string, string>;
    expect(r.calls[0]!.url).toBe('http://api.test/v1/payments');
    expect(headers).toMatchObject({ authorization: 'Bearer ak_test_x', 'idempotency-key': 'k1', 'agentpay-mandate': 'a.b.c' });
    // @ts-expect-error — a money call without an idempotency key does not compile.
    void (() => c.createRefund({ payment_id: 'pay_1' }, {}));
  });

  it('throws problem+json answers as AgentPayError with code and param', async () => {
    const r = recorder(403, { code: 'mandate_violation', detail: 'too much', param: 'amount' });
    const c = new AgentPayClient({ baseUrl: 'http://api.test', apiKey: 'ak_test_x', fetch: r.fetch });
    const err = await c.createQuote({ amount: 1, currency: 'brl', settlement_currency: 'usd' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentPayError);
    expect(err).toMatchObject({ status: 403, code: 'mandate_violation', param: 'amount', requestId: 'req_1' });
  });
});
