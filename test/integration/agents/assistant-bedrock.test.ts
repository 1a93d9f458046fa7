import { createServer, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BedrockConverseAdvisor } from '../../../functions/adapters/bedrock/converse-advisor.js';
import { explainPayment } from '../../../functions/app/assistant.js';
import { ScriptedProcessor } from '../../support/scripted-processor.js';
import { world } from '../../support/payments-world.js';

/**
 * A stand-in for the Bedrock runtime's Converse endpoint: one tool-use round, then text built from
 * the tool result. HTTP/2 cleartext, because the Bedrock runtime client talks HTTP/2 (its handler
 * also serves the bidirectional streaming APIs).
 */
type Seen = { path: string; body: { messages: Array<{ role: string; content: Array<Record<string, unknown>> }>; toolConfig?: { tools: Array<{ toolSpec: { name: string } }> } } };
let server: Http2Server;
let endpoint = '';
const seen: Seen[] = [];
let mode: 'ok' | 'fail' = 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Seen['body'];
      seen.push({ path: req.url ?? '', body });
      const reply = (status: number, json: unknown): void => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(json)); };
      if (mode === 'fail') return reply(500, { message: 'internal failure' });
      const last = body.messages[body.messages.length - 1]!;
      const toolResult = last.content.find((c) => 'toolResult' in c)?.['toolResult'] as { content: Array<{ json?: { result: { status: string; processor: string } } }> } | undefined;
      const usage = { inputTokens: 10, outputTokens: 5, totalTokens: 15 };
      if (!toolResult) {
        const id = /payment (pay_\w+)/.exec(String(body.messages[0]!.content[0]!['text']))![1];
        return reply(200, { output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 'tu_1', name: 'get_payment', input: { payment_id: id } } }] } }, stopReason: 'tool_use', usage, metrics: { latencyMs: 1 } });
      }
      const p = toolResult.content[0]!.json!.result;
      return reply(200, { output: { message: { role: 'assistant', content: [{ text: `The payment ${p.status} at ${p.processor} after one retry.` }] } }, stopReason: 'end_turn', usage, metrics: { latencyMs: 1 } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const advisor = () => new BedrockConverseAdvisor({ modelId: 'anthropic.test-model', region: 'us-east-1', endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, timeoutMs: 5_000 });

async function failedOverPayment() {
  const w = await world({ a: new ScriptedProcessor('acq_a', 'error') });
  const p = await w.pay('explain-1');
  return { w, p, deps: { payments: w.payments, audit: { list: async (id: string) => w.payments.audit.get(id) ?? [], append: async () => { throw new Error('read-only'); } } } };
}

describe('assistant (explain) against a Bedrock Converse stand-in', () => {
  it('explains deterministically from the payment, its decisions and its audit trail', async () => {
    const { p, deps } = await failedOverPayment();
    const e = await explainPayment('mer_1', p.id, deps);
    expect(e.source).toBe('deterministic');
    expect(e.summary).toBe(`Payment ${p.id} of BRL 19.90 succeeded at acq_b after 2 attempts.`);
    expect(e.details.join('\n')).toMatch(/Attempt 1 at acq_a: error \(processor_unavailable\)/);
    expect(e.details.join('\n')).toMatch(/Routing chose acq_a/);
    expect(e.details.at(-1)).toMatch(/^Audit trail: 8 entries/);
  });

  it('uses the LLM text as summary after one tool-use round over read-only tools', async () => {
    seen.length = 0;
    mode = 'ok';
    const { p, deps } = await failedOverPayment();
    const errors: unknown[] = [];
    const e = await explainPayment('mer_1', p.id, { ...deps, advisor: advisor(), onAdvisorError: (err) => errors.push(err) });
    expect(errors).toEqual([]);
    expect(e).toMatchObject({ source: 'bedrock', summary: 'The payment succeeded at acq_b after one retry.', payment_id: p.id });
    expect(e.details.length).toBeGreaterThan(2);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.path).toBe('/model/anthropic.test-model/converse');
    expect(seen[0]!.body.toolConfig?.tools.map((t) => t.toolSpec.name)).toEqual(['get_payment', 'get_audit_trail']);
    expect(seen[1]!.body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('falls back to the deterministic explanation when Bedrock fails', async () => {
    mode = 'fail';
    const { p, deps } = await failedOverPayment();
    const errors: unknown[] = [];
    const e = await explainPayment('mer_1', p.id, { ...deps, advisor: advisor(), onAdvisorError: (err) => errors.push(err) });
    mode = 'ok';
    expect(e.source).toBe('deterministic');
    expect(errors).toHaveLength(1);
  });

  it("answers not_found for another merchant's payment and never changes the payment", async () => {
    const { w, p, deps } = await failedOverPayment();
    await expect(explainPayment('mer_2', p.id, { ...deps, advisor: advisor() })).rejects.toMatchObject({ code: 'not_found' });
    await explainPayment('mer_1', p.id, { ...deps, advisor: advisor() });
    expect((await w.payments.getById(p.id))?.version).toBe(p.version);
  });
});
