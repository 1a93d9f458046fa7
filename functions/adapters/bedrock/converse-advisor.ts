/**
 * The LlmAdvisor on Amazon Bedrock's Converse API with tool use
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use.html): the model may call the
 * read-only tools `get_payment` and `get_audit_trail` for a few rounds, then answers in text.
 * The tools are the only way it sees data, and they cannot change anything.
 */
import { BedrockRuntimeClient, ConverseCommand, type ContentBlock, type Message, type Tool, type ToolResultContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { AssistantTools, LlmAdvisor } from '../../app/ports/llm-advisor.js';

export interface BedrockAdvisorOptions {
  readonly modelId: string;
  readonly region: string;
  /** A non-AWS endpoint (tests' stand-in); unset on AWS. */
  readonly endpoint?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Tool-use rounds before giving up (each is one model call). Default 4. */
  readonly maxRounds?: number;
  /** Per model call. Default 10 000 ms: the API answer must stay within API Gateway's 29 s. */
  readonly timeoutMs?: number;
}

const paymentIdInput = { json: { type: 'object', properties: { payment_id: { type: 'string', description: 'The payment id, pay_…' } }, required: ['payment_id'] } };

export const TOOLS: Tool[] = [
  { toolSpec: { name: 'get_payment', description: 'The payment as the merchant sees it: status, amount, attempts, risk and routing decisions, failure.', inputSchema: paymentIdInput } },
  { toolSpec: { name: 'get_audit_trail', description: "The payment's hash-chained audit trail: every decision and state change with its reasons.", inputSchema: paymentIdInput } },
] as Tool[];

const SYSTEM = 'You explain payments of a payment orchestration platform to the merchant who owns them. Use the tools to read the '
  + 'payment and its audit trail. Be factual and brief (at most 5 sentences); do not invent facts; never promise a refund or any action.';

export class BedrockConverseAdvisor implements LlmAdvisor {
  private readonly client: BedrockRuntimeClient;

  constructor(private readonly opts: BedrockAdvisorOptions) {
    this.client = new BedrockRuntimeClient({
      region: opts.region, maxAttempts: 2,
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}), ...(opts.credentials ? { credentials: opts.credentials } : {}),
    });
  }

  async explain(req: { paymentId: string; question: string; tools: AssistantTools }): Promise<string> {
    const messages: Message[] = [{ role: 'user', content: [{ text: req.question }] }];
    for (let round = 0; round < (this.opts.maxRounds ?? 4); round++) {
      const out = await this.client.send(new ConverseCommand({
        modelId: this.opts.modelId, system: [{ text: SYSTEM }], messages, toolConfig: { tools: TOOLS },
        inferenceConfig: { maxTokens: 400, temperature: 0 },
      }), { abortSignal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000) });
      const reply = out.output?.message;
      if (!reply) throw new Error('bedrock: no message in the response');
      if (out.stopReason !== 'tool_use') return textOf(reply.content ?? []);
      messages.push(reply);
      const results: ContentBlock[] = [];
      for (const block of reply.content ?? []) {
        if (!block.toolUse) continue;
        results.push({ toolResult: { toolUseId: block.toolUse.toolUseId!, ...(await runTool(req.tools, block.toolUse.name ?? '', block.toolUse.input)) } });
      }
      messages.push({ role: 'user', content: results });
    }
    throw new Error('bedrock: tool-use rounds exhausted');
  }
}

function textOf(content: ContentBlock[]): string {
  return content.map((c) => c.text ?? '').join('').trim();
}

async function runTool(tools: AssistantTools, name: string, input: unknown): Promise<{ content: ToolResultContentBlock[]; status: 'success' | 'error' }> {
  const id = (input as { payment_id?: unknown } | undefined)?.payment_id;
  if (typeof id !== 'string') return { content: [{ text: 'payment_id (string) is required' }], status: 'error' };
  const value = name === 'get_payment' ? await tools.get_payment(id) : name === 'get_audit_trail' ? await tools.get_audit_trail(id) : null;
  if (value === null) return { content: [{ text: `unknown tool ${name}` }], status: 'error' };
  if (value === undefined) return { content: [{ text: `no such payment: ${id}` }], status: 'error' };
  // Round-trip through JSON: the SDK's document type takes plain JSON only.
  return { content: [{ json: JSON.parse(JSON.stringify({ result: value })) as never }], status: 'success' };
}
