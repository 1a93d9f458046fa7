/**
 * Who is calling. The authorizer (handlers/api/authorizer.ts) resolves the key and passes a flat
 * string map in `requestContext.authorizer.lambda`; this module turns it back into a typed
 * principal. The authorizer always authorizes and says `authenticated: "false"` for a bad key, so
 * that the 401 is our problem+json rather than API Gateway's plain 403 (HTTP APIs have no
 * customizable gateway responses).
 */
export type Principal =
  | { readonly kind: 'admin' }
  | { readonly kind: 'merchant'; readonly merchantId: string; readonly keyId: string }
  | { readonly kind: 'agent'; readonly merchantId: string; readonly keyId: string; readonly agentId: string; readonly mandateId: string };

export type AuthorizerContext = Record<string, string | number | boolean | undefined>;

export function principalFromContext(ctx: AuthorizerContext | undefined): Principal | undefined {
  if (!ctx || ctx['authenticated'] !== 'true') return undefined;
  const s = (k: string): string => String(ctx[k] ?? '');
  switch (ctx['kind']) {
    case 'admin':
      return { kind: 'admin' };
    case 'merchant':
      return { kind: 'merchant', merchantId: s('merchant_id'), keyId: s('key_id') };
    case 'agent':
      return { kind: 'agent', merchantId: s('merchant_id'), keyId: s('key_id'), agentId: s('agent_id'), mandateId: s('mandate_id') };
    default:
      return undefined;
  }
}

export function principalToContext(p: Principal | undefined, reason?: string): Record<string, string> {
  if (!p) return { authenticated: 'false', reason: reason ?? 'unknown key' };
  switch (p.kind) {
    case 'admin':
      return { authenticated: 'true', kind: 'admin' };
    case 'merchant':
      return { authenticated: 'true', kind: 'merchant', merchant_id: p.merchantId, key_id: p.keyId };
    case 'agent':
      return { authenticated: 'true', kind: 'agent', merchant_id: p.merchantId, key_id: p.keyId, agent_id: p.agentId, mandate_id: p.mandateId };
  }
}

/** The merchant a principal acts for; admin acts for none. */
export function merchantOf(p: Principal): string | undefined {
  return p.kind === 'admin' ? undefined : p.merchantId;
}
