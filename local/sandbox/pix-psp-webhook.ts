/**
 * Sandbox webhooks (API Pix 2.9.0 `/webhook/{chave}`; PIX_SPEC §3.4). One URL per key. The
 * callback goes to `{webhookUrl}/pix` (the PSP appends `/pix`, bacen/pix-api#241) with the body
 * `{"pix":[Pix,…]}`; it is sent for Pix with a txid and when a refund of one settles or fails.
 * No signature: the spec has none (iss:525), so receivers must confirm with `GET /pix/{e2eid}`.
 */
import type { PixWire } from '../../functions/adapters/pix-api/wire.js';
import { invalid, notFound, parseJsonObject, str, type Answer, type Ctx } from './pix-psp-http.js';
import { later, type PixEntry, type RefundEntry, type SandboxState } from './pix-psp-state.js';

export function putWebhook(c: Ctx): Answer {
  const chave = c.params[0] ?? '';
  const b = parseJsonObject(c.body, 'WebhookOperacaoInvalida');
  const url = str(b.webhookUrl);
  const v = [];
  if (chave !== c.s.receiverKey) v.push({ razao: 'A chave não pertence ao usuário recebedor.', propriedade: 'webhook.chave' });
  let ok = false;
  try {
    ok = url !== undefined && ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) v.push({ razao: 'webhookUrl deve ser uma URL absoluta.', propriedade: 'webhook.webhookUrl' });
  if (v.length > 0 || url === undefined) throw invalid('WebhookOperacaoInvalida', v);
  c.s.webhooks.set(chave, { url, criacao: c.s.now() });
  return { status: 200 };
}

export function getWebhook(c: Ctx): Answer {
  const chave = c.params[0] ?? '';
  const w = c.s.webhooks.get(chave);
  if (!w) throw notFound('Webhook não encontrado para a chave informada.');
  return { status: 200, body: { webhookUrl: w.url, chave, criacao: w.criacao.toISOString() } };
}

export function deleteWebhook(c: Ctx): Answer {
  if (!c.s.webhooks.delete(c.params[0] ?? '')) throw notFound('Webhook não encontrado para a chave informada.');
  return { status: 204 };
}

export function pixToWire(p: PixEntry): PixWire {
  return {
    endToEndId: p.endToEndId,
    ...(p.txid !== undefined ? { txid: p.txid } : {}),
    valor: p.valor,
    chave: p.chave,
    horario: p.horario.toISOString(),
    ...(p.infoPagador !== undefined ? { infoPagador: p.infoPagador } : {}),
    devolucoes: p.refunds.map(refundToWire),
  };
}

/** A devolução in the API Pix wire shape (`GET /pix/{e2eid}` and the devolução endpoints). */
export function refundToWire(r: RefundEntry) {
  return {
    id: r.id,
    rtrId: r.rtrId,
    valor: r.valor,
    natureza: 'ORIGINAL',
    ...(r.descricao !== undefined ? { descricao: r.descricao } : {}),
    horario: { solicitacao: r.solicitacao.toISOString(), ...(r.liquidacao ? { liquidacao: r.liquidacao.toISOString() } : {}) },
    status: r.status,
    ...(r.motivo !== undefined ? { motivo: r.motivo } : {}),
  };
}

/** `{webhookUrl}/pix`, without doubling a trailing slash. */
export function callbackUrl(webhookUrl: string): string {
  return `${webhookUrl.replace(/\/+$/, '')}/pix`;
}

async function post(s: SandboxState, url: string, body: unknown): Promise<number | undefined> {
  const at = s.now().toISOString();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    await res.arrayBuffer();
    s.stats.deliveries.push({ url, body, at, status: res.status });
    return res.status;
  } catch (e) {
    s.stats.deliveries.push({ url, body, at, error: e instanceof Error ? e.message : String(e) });
    return undefined;
  }
}

export type DeliveryOutcome = 'not_configured' | 'scheduled' | 'delivered' | 'failed';

/**
 * Sends `{"pix":[…]}` for `chave` `times` times. Without a delay it waits for the answers (tests
 * see the effect when the control call returns); with one, it returns `scheduled` at once.
 */
export async function notify(s: SandboxState, chave: string, pix: PixWire[], times = 1, delayMs = 0, urlOverride?: string): Promise<DeliveryOutcome> {
  const url = urlOverride ?? s.webhooks.get(chave)?.url;
  if (url === undefined) return 'not_configured';
  const target = callbackUrl(url);
  const body = { pix };
  if (delayMs > 0) {
    later(s, delayMs, async () => {
      for (let i = 0; i < times; i++) await post(s, target, body);
    });
    return 'scheduled';
  }
  let ok = true;
  for (let i = 0; i < times; i++) {
    const status = await post(s, target, body);
    ok &&= status !== undefined && status >= 200 && status < 300;
  }
  return ok ? 'delivered' : 'failed';
}
