/**
 * A typed TypeScript client for agents (and merchants), derived from the same zod schemas as the
 * API: request types are the schemas' inputs, response types their outputs (`z.infer`), and every
 * call that moves money takes its Idempotency-Key as a required argument — a retry with the same
 * key can never charge twice. Errors are thrown as {@link AgentPayError} with the problem's code.
 */
import type * as z from 'zod';
import type { createAgentRequest, agentSchema, createMandateRequest, mandateSchema } from './api/mandates.js';
import type { createPaymentRequest, paymentSchema } from './api/payments.js';
import type { createQuoteRequest, quoteSchema } from './api/quotes.js';
import type { createRefundRequest, refundSchema } from './api/refunds.js';
import type { reviewListSchema, reviewSchema } from './api/reviews.js';

export type Payment = z.infer<typeof paymentSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Refund = z.infer<typeof refundSchema>;
export type Agent = z.infer<typeof agentSchema>;
export type Mandate = z.infer<typeof mandateSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type ReviewList = z.infer<typeof reviewListSchema>;

/** Money calls: the key is not optional, by type. */
export interface MoneyCall {
  readonly idempotencyKey: string;
}

export class AgentPayError extends Error {
  override readonly name = 'AgentPayError';
  constructor(readonly status: number, readonly code: string, message: string, readonly param?: string, readonly requestId?: string) {
    super(message);
  }
}

export interface AgentPayClientOptions {
  readonly baseUrl: string;
  /** `ak_test_…` (agent) or `sk_test_…` (merchant). */
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
}

export class AgentPayClient {
  constructor(private readonly opts: AgentPayClientOptions) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await (this.opts.fetch ?? fetch)(`${this.opts.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.opts.apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) {
      throw new AgentPayError(res.status, String(parsed['code'] ?? 'internal_error'), String(parsed['detail'] ?? res.statusText), parsed['param'] as string | undefined, res.headers.get('request-id') ?? undefined);
    }
    return parsed as T;
  }

  /** Pays; `mandateToken` is an open mandate signed by the agent's principal (sent as Agentpay-Mandate). */
  createPayment(body: z.input<typeof createPaymentRequest>, call: MoneyCall & { readonly mandateToken?: string }): Promise<Payment> {
    return this.call('POST', '/v1/payments', body, { 'idempotency-key': call.idempotencyKey, ...(call.mandateToken ? { 'agentpay-mandate': call.mandateToken } : {}) });
  }
  getPayment(id: string): Promise<Payment> {
    return this.call('GET', `/v1/payments/${encodeURIComponent(id)}`);
  }
  cancelPayment(id: string, call: MoneyCall): Promise<Payment> {
    return this.call('POST', `/v1/payments/${encodeURIComponent(id)}/cancel`, {}, { 'idempotency-key': call.idempotencyKey });
  }
  createRefund(body: z.input<typeof createRefundRequest>, call: MoneyCall): Promise<Refund> {
    return this.call('POST', '/v1/refunds', body, { 'idempotency-key': call.idempotencyKey });
  }
  createQuote(body: z.input<typeof createQuoteRequest>): Promise<Quote> {
    return this.call('POST', '/v1/quotes', body);
  }
  getQuote(id: string): Promise<Quote> {
    return this.call('GET', `/v1/quotes/${encodeURIComponent(id)}`);
  }
  getAgent(id: string): Promise<Agent> {
    return this.call('GET', `/v1/agents/${encodeURIComponent(id)}`);
  }
  getMandate(id: string): Promise<Mandate> {
    return this.call('GET', `/v1/mandates/${encodeURIComponent(id)}`);
  }

  // Merchant-key calls (agent administration and approvals).
  createAgent(body: z.input<typeof createAgentRequest>): Promise<Agent> {
    return this.call('POST', '/v1/agents', body);
  }
  createMandate(agentId: string, body: z.input<typeof createMandateRequest>): Promise<Mandate> {
    return this.call('POST', `/v1/agents/${encodeURIComponent(agentId)}/mandates`, body);
  }
  revokeMandate(id: string): Promise<Mandate> {
    return this.call('POST', `/v1/mandates/${encodeURIComponent(id)}/revoke`, {});
  }
  listReviews(status?: Review['status']): Promise<ReviewList> {
    return this.call('GET', `/v1/reviews${status ? `?status=${status}` : ''}`);
  }
  approveReview(id: string): Promise<Review> {
    return this.call('POST', `/v1/reviews/${encodeURIComponent(id)}/approve`, {});
  }
  declineReview(id: string): Promise<Review> {
    return this.call('POST', `/v1/reviews/${encodeURIComponent(id)}/decline`, {});
  }
}
