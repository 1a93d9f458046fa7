/**
 * Sandbox received Pix and refunds (API Pix 2.9.0 `/pix`, `/pix/{e2eid}/devolucao/{id}`;
 * PIX_SPEC §3.5). A refund is accepted as `EM_PROCESSAMENTO` and settles after `refundDelayMs`:
 * `DEVOLVIDO`, or `NAO_REALIZADO` when it exceeds what is still refundable or comes more than
 * 90 days after the Pix. Repeating `{e2eid, id}` with the same amount replays the original
 * (bacen/pix-api#277); with another amount it is refused.
 */
import { SandboxProblem, invalid, notFound, parseJsonObject, type Answer, type Ctx, type Violation } from './pix-psp-http.js';
import { later, newReturnId, type PixEntry, type RefundEntry, type SandboxState } from './pix-psp-state.js';
import { centavos, checkLength, checkValor } from './pix-psp-validate.js';
import { notify, pixToWire, refundToWire } from './pix-psp-webhook.js';

const REFUND_WINDOW_MS = 90 * 86_400_000;

function findPix(s: SandboxState, e2e: string | undefined): PixEntry {
  const p = e2e === undefined ? undefined : s.pix.get(e2e);
  if (!p) throw notFound('Pix não encontrado para o endToEndId informado.');
  return p;
}

export const getPix = (c: Ctx): Answer => ({ status: 200, body: pixToWire(findPix(c.s, c.params[0])) });

function time(q: URLSearchParams, name: string, v: Violation[]): number {
  const t = Date.parse(q.get(name) ?? '');
  if (!Number.isFinite(t)) v.push({ razao: `${name} é obrigatório e segue a RFC 3339.`, propriedade: name });
  return t;
}

function intParam(q: URLSearchParams, name: string, def: number, min: number, max: number, v: Violation[]): number {
  const raw = q.get(name);
  if (raw === null) return def;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) v.push({ razao: `${name} entre ${min} e ${max}.`, propriedade: name });
  return n;
}

/** `GET /pix?inicio&fim[&txid]&paginacao.paginaAtual&paginacao.itensPorPagina` (both bounds inclusive). */
export function listPix(c: Ctx): Answer {
  const q = c.query;
  const v: Violation[] = [];
  const inicio = time(q, 'inicio', v);
  const fim = time(q, 'fim', v);
  const page = intParam(q, 'paginacao.paginaAtual', 0, 0, Number.MAX_SAFE_INTEGER, v);
  const size = intParam(q, 'paginacao.itensPorPagina', 100, 1, 1000, v);
  if (v.length > 0) throw new SandboxProblem(400, 'RequisicaoInvalida', 'Requisição inválida.', 'Parâmetros de consulta inválidos.', v);
  const txid = q.get('txid');
  const all = [...c.s.pix.values()]
    .filter((p) => p.horario.getTime() >= inicio && p.horario.getTime() <= fim && (txid === null || p.txid === txid))
    .sort((a, b) => a.horario.getTime() - b.horario.getTime() || a.endToEndId.localeCompare(b.endToEndId));
  return {
    status: 200,
    body: {
      parametros: {
        inicio: new Date(inicio).toISOString(),
        fim: new Date(fim).toISOString(),
        ...(txid !== null ? { txid } : {}),
        paginacao: {
          paginaAtual: page,
          itensPorPagina: size,
          // `quantidadeDePaginas` has `minimum: 1` in the spec, even for an empty result.
          quantidadeDePaginas: Math.max(1, Math.ceil(all.length / size)),
          quantidadeTotalDeItens: all.length,
        },
      },
      pix: all.slice(page * size, (page + 1) * size).map(pixToWire),
    },
  };
}

export function putDevolucao(c: Ctx): Answer {
  const s = c.s;
  const p = findPix(s, c.params[0]);
  const id = c.params[1] ?? '';
  const b = parseJsonObject(c.body, 'PixDevolucaoInvalida');
  const v: Violation[] = [];
  if (!/^[a-zA-Z0-9]{1,35}$/.test(id)) v.push({ razao: 'id deve ter de 1 a 35 caracteres alfanuméricos.', propriedade: 'devolucao.id' });
  const valor = checkValor(b.valor, 'devolucao.valor', v);
  const descricao = checkLength(b.descricao, 'devolucao.descricao', 140, v);
  // RETIRADA applies only to Pix Saque/Troco, which the sandbox does not produce.
  if (b.natureza !== undefined && b.natureza !== 'ORIGINAL') v.push({ razao: 'Natureza RETIRADA exige Pix Saque ou Troco.', propriedade: 'devolucao.natureza' });
  if (v.length > 0 || valor === undefined) throw invalid('PixDevolucaoInvalida', v);
  const existing = p.refunds.find((r) => r.id === id);
  if (existing) {
    if (existing.valor === valor) return { status: 201, body: refundToWire(existing) };
    throw invalid('PixDevolucaoInvalida', [{ razao: 'O id de devolução já foi utilizado para este Pix.', propriedade: 'devolucao.id' }]);
  }
  const amount = centavos(valor);
  const committed = p.refunds.filter((r) => r.outcome.status === 'DEVOLVIDO').reduce((a, r) => a + r.centavos, 0);
  const now = s.now();
  const outcome: RefundEntry['outcome'] =
    now.getTime() - p.horario.getTime() > REFUND_WINDOW_MS
      ? { status: 'NAO_REALIZADO', motivo: 'Prazo para devolução expirado (90 dias após a liquidação).' }
      : committed + amount > p.centavos
        ? { status: 'NAO_REALIZADO', motivo: 'Valor solicitado excede o valor disponível para devolução.' }
        : { status: 'DEVOLVIDO' };
  const r: RefundEntry = {
    id,
    rtrId: newReturnId(s),
    valor,
    centavos: amount,
    ...(descricao !== undefined ? { descricao } : {}),
    solicitacao: now,
    status: 'EM_PROCESSAMENTO',
    outcome,
  };
  p.refunds.push(r);
  later(s, s.opts.refundDelayMs, async () => {
    r.status = outcome.status;
    if (outcome.motivo !== undefined) r.motivo = outcome.motivo;
    if (outcome.status === 'DEVOLVIDO') r.liquidacao = s.now();
    // The webhook also fires when a refund of a txid-bearing Pix reaches a final status.
    if (p.txid !== undefined) await notify(s, p.chave, [pixToWire(p)]);
  });
  return { status: 201, body: refundToWire(r) };
}

export function getDevolucao(c: Ctx): Answer {
  const p = findPix(c.s, c.params[0]);
  const r = p.refunds.find((x) => x.id === c.params[1]);
  if (!r) throw notFound('Devolução não encontrada.');
  return { status: 200, body: refundToWire(r) };
}
