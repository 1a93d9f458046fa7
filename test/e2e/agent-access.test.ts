/**
 * Agent-first access end to end over HTTP against the local runtime: agents and mandates, mandate
 * violations (403 naming the limit), signed open mandates (forged/expired → 401), FX quotes
 * (expired or used → 409), approvals through the approval workflow's task token (approve, decline,
 * two approvers), revocation, and the MCP server driven by the SDK's own client.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { startMcp } from '../../local/cli/commands/mcp.js';
import { SendTaskFailureCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbQuoteStore } from '../../functions/adapters/dynamodb/quotes.js';
import { DynamoDbReviewStore } from '../../functions/adapters/dynamodb/reviews.js';
import { apiKeyKey } from '../../functions/adapters/dynamodb/merchants.js';
import { LOCAL_CREDENTIALS } from '../../local/dynamodb/index.js';
import { client, TEST_CARDS } from '../support/http-client.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/runtime.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function jws(claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}
const future = (s: number) => Math.floor(Date.now() / 1000) + s;

describe('agent-first access (e2e, local runtime)', () => {
  let rt: TestRuntime;
  let merchant: ReturnType<typeof client>;
  let merchantKey2: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let merchantId: string;
  let agentId: string;
  let pm: string;
  const principal = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let n = 0;
  const key = () => `k-${Date.now()}-${++n}`;

  async function mandate(body: Record<string, unknown> = {}) {
    const r = await merchant.post(`/v1/agents/${agentId}/mandates`, {
      currency: 'brl', max_amount_per_payment: 50_000, budget: { amount: 200_000, period: 'day' }, allowed_payment_methods: ['card'],
      allowed_merchant_categories: ['5734'], requires_approval_above: 30_000, expires_at: new Date(Date.now() + 86_400_000).toISOString(), ...body,
    });
    expect(r.status).toBe(201);
    return { id: r.body.id as string, api: client(rt.url, r.body.agent_key as string), body: r.body };
  }
  const pay = (api: ReturnType<typeof client>, amount: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    api.post('/v1/payments', { amount, currency: 'brl', payment_method: { type: 'card', token: pm }, ...extra }, { 'idempotency-key': key(), ...headers });

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = client(rt.url, rt.adminKey);
    const m = await admin.post('/v1/admin/merchants', { name: 'Agent shop', mcc: '5734' });
    expect(m.status).toBe(201);
    merchantId = m.body.id;
    merchant = client(rt.url, m.body.secret_key);
    // A second approver: another secret key of the same merchant (stored hashed, as the API does).
    const second = `sk_test_${randomBytes(24).toString('hex')}`;
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }));
    const hash = createHash('sha256').update(second).digest('hex');
    await doc.send(new PutCommand({ TableName: rt.tableNames['Platform']!, Item: { ...apiKeyKey(hash), kind: 'api_key', record: { hash, keyId: 'key_second', kind: 'merchant', merchantId, status: 'active', hint: 'sk_test_…', created: new Date().toISOString() } } }));
    merchantKey2 = client(rt.url, second);
    const a = await merchant.post('/v1/agents', { name: 'Buyer bot', principal_public_key: principal.publicKey.export({ format: 'jwk' }) });
    expect(a.status).toBe(201);
    agentId = a.body.id;
    const card = await merchant.post('/v1/payment_methods', { type: 'card', card: { number: TEST_CARDS.approved, exp_month: 12, exp_year: 2031, cvc: '123' } });
    pm = card.body.id;
  }, 120_000);
  afterAll(() => rt?.stop());

  it('GET /v1/agents/{id} shows the agent with a trust score in [0, 1]; another agent’s key cannot see it', async () => {
    const r = await merchant.get(`/v1/agents/${agentId}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: agentId, object: 'agent', name: 'Buyer bot' });
    expect(r.body.trust_score).toBeGreaterThanOrEqual(0);
    expect(r.body.trust_score).toBeLessThanOrEqual(1);
    const m = await mandate();
    expect((await m.api.get('/v1/agents/agt_other')).status).toBe(404);
  });

  it('an agent payment within its mandate succeeds and the mandate shows it spent; violations answer 403 mandate_violation naming the limit', async () => {
    const m = await mandate();
    expect(m.body).toMatchObject({ status: 'active', spent: 0, reserved: 0 });
    expect(m.body.agent_key).toMatch(/^ak_test_/);
    const ok = await pay(m.api, 12_000);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'succeeded', agent_id: agentId, mandate_id: m.id });
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body).toMatchObject({ spent: 12_000, reserved: 0 });
    const tooMuch = await pay(m.api, 60_000);
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body).toMatchObject({ code: 'mandate_violation', param: 'amount' });
    const usd = await m.api.post('/v1/payments', { amount: 100, currency: 'usd', payment_method: { type: 'card', token: pm } }, { 'idempotency-key': key() });
    expect(usd.body).toMatchObject({ code: 'mandate_violation', param: 'currency' });
  });

  it('the saga’s atomic reservation refuses a payment over the remaining budget with 403 mandate_violation param budget', async () => {
    const m = await mandate({ budget: { amount: 25_000, period: 'day' }, max_amount_per_payment: 20_000 });
    expect((await pay(m.api, 20_000)).status).toBe(201);
    const over = await pay(m.api, 10_000);
    expect(over.status).toBe(403);
    expect(over.body).toMatchObject({ code: 'mandate_violation', param: 'budget' });
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body).toMatchObject({ spent: 20_000, reserved: 0 });
  });

  it('a revoked mandate’s agent key stops at once (401)', async () => {
    const m = await mandate();
    expect((await merchant.post(`/v1/mandates/${m.id}/revoke`)).body).toMatchObject({ status: 'revoked' });
    const r = await pay(m.api, 1_000);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('authentication_required');
  });

  it('an open mandate signed by the principal is enforced like a stored one, its budget tracked per jti; forged or expired → 401', async () => {
    const m = await mandate();
    const claims = { sub: agentId, jti: `j-${key()}`, exp: future(600), currency: 'brl', amount: { max: 10_000 }, budget: { amount: 15_000, period: 'total' }, payees: [merchantId] };
    const good = await pay(m.api, 8_000, { mandate_token: jws(claims, principal.privateKey) });
    expect(good.status).toBe(201);
    const overJti = await pay(m.api, 8_000, {}, { 'agentpay-mandate': jws(claims, principal.privateKey) });
    expect(overJti.status).toBe(403);
    expect(overJti.body).toMatchObject({ code: 'mandate_violation', param: 'budget' });
    const forged = await pay(m.api, 1_000, { mandate_token: jws({ ...claims, jti: 'forged' }, stranger.privateKey) });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'authentication_required', param: 'mandate_token' });
    const [header, , signature] = jws(claims, principal.privateKey).split('.');
    const swapped = await pay(m.api, 1_000, { mandate_token: `${header}.${b64({ ...claims, amount: { max: 99_999 } })}.${signature}` });
    expect(swapped.status).toBe(401);
    const expired = await pay(m.api, 1_000, { mandate_token: jws({ ...claims, jti: 'old', exp: future(-60) }, principal.privateKey) });
    expect(expired.status).toBe(401);
    const otherPayee = await pay(m.api, 1_000, { mandate_token: jws({ ...claims, jti: `p-${key()}`, payees: ['mer_else'] }, principal.privateKey) });
    expect(otherPayee.body).toMatchObject({ code: 'mandate_violation', param: 'payee' });
  });

  it('a payment with a quote charges the quoted amount once: reusing the quote or paying an expired one answers 409 quote_expired', async () => {
    const m = await mandate();
    const q = await m.api.post('/v1/quotes', { amount: 10_000, currency: 'brl', settlement_currency: 'usd' });
    expect(q.status).toBe(201);
    expect(q.body).toMatchObject({ amount: 10_000, currency: 'brl', settlement_currency: 'usd', status: 'open', rates_as_of: '2026-11-20' });
    expect(q.body.settlement_amount).toBeGreaterThan(0);
    const paid = await pay(m.api, 10_000, { quote_id: q.body.id });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 10_000, quote_id: q.body.id });
    const again = await pay(m.api, 10_000, { quote_id: q.body.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'quote_expired', param: 'quote_id' });
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }));
    const past = new Date(Date.now() - 1_000).toISOString();
    const { object: _o, ...quote } = q.body;
    await new DynamoDbQuoteStore(doc, rt.tableNames['Platform']!).create({ ...quote, id: 'qt_expiredOne', merchant_id: merchantId, status: 'open', expires_at: past, created: past });
    const late = await pay(m.api, 10_000, { quote_id: 'qt_expiredOne' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('quote_expired');
  });

  it('above requires_approval_above the payment waits; approving it through the reviews API resumes the saga to succeeded', async () => {
    const m = await mandate();
    const p = await pay(m.api, 40_000);
    expect(p.status).toBe(201);
    expect(p.body.status).toBe('requires_approval');
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body.reserved).toBe(40_000);
    const review = await eventually(async () => (await merchant.get('/v1/reviews?status=pending')).body.data.find((r: { payment_id: string }) => r.payment_id === p.body.id));
    expect(review).toMatchObject({ reason: 'mandate_threshold', required_approvals: 1, status: 'pending' });
    expect((await m.api.post(`/v1/reviews/${review.id}/approve`)).status).toBe(403);
    const approved = await merchant.post(`/v1/reviews/${review.id}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved' });
    const done = await eventually(async () => { const r = await merchant.get(`/v1/payments/${p.body.id}`); return r.body.status === 'succeeded' ? r.body : undefined; }, 10_000);
    expect(done.amount_captured).toBe(40_000);
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body).toMatchObject({ spent: 40_000, reserved: 0 });
  });

  it('declining a review fails the payment (approval_declined) and releases its reservation', async () => {
    const m = await mandate();
    const p = await pay(m.api, 35_000);
    expect(p.body.status).toBe('requires_approval');
    const review = await eventually(async () => (await merchant.get('/v1/reviews?status=pending')).body.data.find((r: { payment_id: string }) => r.payment_id === p.body.id));
    // Decide once the workflow's Task holds its token (the other order is covered by the approve
    // path; a local SendTaskFailure inside the Task's own invocation trips the emulator, see report).
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }));
    await eventually(async () => ((await new DynamoDbReviewStore(doc, rt.tableNames['Platform']!).getById(review.id))?.task_token ? true : undefined));
    expect((await merchant.post(`/v1/reviews/${review.id}/decline`)).body.status).toBe('declined');
    const done = await eventually(async () => { const r = await merchant.get(`/v1/payments/${p.body.id}`); return r.body.status === 'failed' ? r.body : undefined; }, 10_000);
    expect(done.failure.code).toBe('approval_declined');
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body).toMatchObject({ spent: 0, reserved: 0 });
  });

  it('an agent pays by Pix within its mandate: the budget is held while the charge is open and spent when the payer pays', async () => {
    const m = await mandate({ allowed_payment_methods: ['card', 'pix'], max_amount_per_payment: 25_000, requires_approval_above: 25_000, budget: { amount: 30_000, period: 'day' } });
    const c = await m.api.post('/v1/pix/charges', { amount: 20_000 }, { 'idempotency-key': key() });
    expect(c.status).toBe(201);
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body).toMatchObject({ reserved: 20_000, spent: 0 });
    const over = await m.api.post('/v1/pix/charges', { amount: 20_000 }, { 'idempotency-key': key() });
    expect(over.status).toBe(403);
    expect(over.body).toMatchObject({ code: 'mandate_violation', param: 'budget' });
    const paid = await client(rt.url, rt.adminKey).post('/v1/sandbox/pix/pay', { txid: c.body.txid });
    expect(paid.status).toBeLessThan(300);
    const done = await eventually(async () => { const r = await merchant.get(`/v1/payments/${c.body.payment_id}`); return r.body.status === 'succeeded' ? r.body : undefined; }, 10_000);
    expect(done.agent_id).toBe(agentId);
    await eventually(async () => { const r = await merchant.get(`/v1/mandates/${m.id}`); return r.body.spent === 20_000 && r.body.reserved === 0 ? true : undefined; }, 5_000);
  });

  it('a review nobody answers in time cancels the payment (approval_expired) and releases its reservation', async () => {
    const m = await mandate();
    const p = await pay(m.api, 35_000);
    expect(p.body.status).toBe('requires_approval');
    const review = await eventually(async () => (await merchant.get('/v1/reviews?status=pending')).body.data.find((r: { payment_id: string }) => r.payment_id === p.body.id));
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }));
    const token = await eventually(async () => (await new DynamoDbReviewStore(doc, rt.tableNames['Platform']!).getById(review.id))?.task_token);
    // The waiting Task's timer firing is Step Functions' own States.Timeout; the 24 h timer is not
    // waited for here: the same error reaches the same Catch through SendTaskFailure.
    const sfn = new SFNClient({ endpoint: rt.awsEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'States.Timeout', cause: 'approval window elapsed' }));
    const done = await eventually(async () => { const r = await merchant.get(`/v1/payments/${p.body.id}`); return r.body.status === 'canceled' ? r.body : undefined; }, 10_000);
    expect(done.failure.code).toBe('approval_expired');
    expect((await merchant.get(`/v1/mandates/${m.id}`)).body).toMatchObject({ spent: 0, reserved: 0 });
  });

  it('above the dual-control threshold two distinct approvers are needed; the same approver twice is refused', async () => {
    const m = await mandate({ max_amount_per_payment: 2_000_000, budget: { amount: 3_000_000, period: 'day' } });
    const p = await pay(m.api, 1_500_000);
    expect(p.body.status).toBe('requires_approval');
    const review = await eventually(async () => (await merchant.get('/v1/reviews?status=pending')).body.data.find((r: { payment_id: string }) => r.payment_id === p.body.id));
    expect(review.required_approvals).toBe(2);
    expect((await merchant.post(`/v1/reviews/${review.id}/approve`)).body).toMatchObject({ status: 'pending', approvals: [expect.objectContaining({})] });
    const twice = await merchant.post(`/v1/reviews/${review.id}/approve`);
    expect(twice.status).toBe(409);
    expect((await merchant.get(`/v1/payments/${p.body.id}`)).body.status).toBe('requires_approval');
    expect((await merchantKey2.post(`/v1/reviews/${review.id}/approve`)).body.status).toBe('approved');
    await eventually(async () => ((await merchant.get(`/v1/payments/${p.body.id}`)).body.status === 'succeeded' ? true : undefined), 10_000);
  });

  it('the MCP client (Streamable HTTP, agent key) lists the tools, creates a quote, pays with it and reads the payment; errors are structured', async () => {
    const m = await mandate();
    const agentKey = m.body.agent_key as string;
    const mcp = new Client({ name: 'e2e', version: '1.0.0' });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(`${rt.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${agentKey}` } } }));
    try {
      const tools = (await mcp.listTools()).tools.map((t) => t.name).sort();
      expect(tools).toEqual(['create_payment', 'create_pix_charge', 'create_quote', 'decode_brcode', 'explain_payment', 'get_payment', 'refund_payment']);
      const quote = await mcp.callTool({ name: 'create_quote', arguments: { amount: 5_000, currency: 'brl', settlement_currency: 'eur' } });
      expect(quote.isError).toBeFalsy();
      const qid = (quote.structuredContent as { id: string }).id;
      const paid = await mcp.callTool({ name: 'create_payment', arguments: { amount: 5_000, currency: 'brl', payment_method: { type: 'card', token: pm }, quote_id: qid, idempotency_key: key() } });
      expect(paid.isError).toBeFalsy();
      const payment = paid.structuredContent as { id: string; status: string; quote_id: string };
      expect(payment).toMatchObject({ status: 'succeeded', quote_id: qid });
      const read = await mcp.callTool({ name: 'get_payment', arguments: { id: payment.id } });
      expect(read.structuredContent).toMatchObject({ id: payment.id, status: 'succeeded', agent_id: agentId });
      const noKey = await mcp.callTool({ name: 'create_payment', arguments: { amount: 100, currency: 'brl', payment_method: { type: 'card', token: pm } } });
      // The SDK validates arguments against the tool's input schema before the tool runs.
      expect(noKey.isError).toBe(true);
      expect(JSON.stringify(noKey.content)).toContain('idempotency_key');
      const violation = await mcp.callTool({ name: 'create_payment', arguments: { amount: 60_000, currency: 'brl', payment_method: { type: 'card', token: pm }, idempotency_key: key() } });
      expect(violation.structuredContent).toMatchObject({ error: { code: 'mandate_violation', param: 'amount' } });
      // This mandate allows cards only: a Pix charge is refused by the same rule as over HTTP.
      const pix = await mcp.callTool({ name: 'create_pix_charge', arguments: { amount: 100, idempotency_key: key() } });
      expect(pix.structuredContent).toMatchObject({ error: { code: 'mandate_violation', param: 'payment_method' } });
      const explained = await mcp.callTool({ name: 'explain_payment', arguments: { id: payment.id } });
      expect((explained.structuredContent as { summary: string }).summary).toContain('succeeded');
    } finally {
      await mcp.close();
    }
  });

  it('`agentpay mcp` (stdio command) serves the same tools in process for an agent key and refuses a merchant key', async () => {
    const m = await mandate();
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const started = await startMcp(m.body.agent_key as string, serverSide);
    expect('close' in started).toBe(true);
    const mcp = new Client({ name: 'stdio-e2e', version: '1.0.0' });
    await mcp.connect(clientSide);
    const decoded = await mcp.callTool({ name: 'decode_brcode', arguments: { payload: 'not a brcode' } });
    expect(decoded.structuredContent).toMatchObject({ error: { code: 'invalid_brcode' } });
    const quote = await mcp.callTool({ name: 'create_quote', arguments: { amount: 1_000, currency: 'brl', settlement_currency: 'usd' } });
    expect(quote.structuredContent).toMatchObject({ object: 'quote', amount: 1_000 });
    await mcp.close();
    if ('close' in started) await started.close();
    const refused = await startMcp(`sk_test_${randomBytes(24).toString('hex')}`, InMemoryTransport.createLinkedPair()[1]);
    expect(refused).toMatchObject({ error: expect.stringContaining('authentication failed') });
  });
});
