/**
 * An LLM that explains, never decides (DESIGN.md §5): it gets read-only tools over one merchant's
 * records and returns text. Implemented by adapters/bedrock (Converse API with tool use).
 */
export interface AssistantTools {
  /** The public view of a payment of the caller's merchant, or `undefined`. */
  get_payment(paymentId: string): Promise<unknown>;
  /** The payment's audit entries, or `undefined` for an unknown payment. */
  get_audit_trail(paymentId: string): Promise<unknown>;
}

export interface LlmAdvisor {
  /** Plain-language answer to `question` about `paymentId`; throws on any failure (callers fall back). */
  explain(req: { readonly paymentId: string; readonly question: string; readonly tools: AssistantTools }): Promise<string>;
}
