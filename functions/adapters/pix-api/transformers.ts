/**
 * Pure request/response mapping for API Pix 2.9.0 charges (cob, cobv), received Pix, refunds
 * (devolução) and webhooks. Amounts become `"10.50"` strings only here (STYLE.md 4). Pix
 * Automático lives in `transformers-rec.ts`; enum mappings in `statuses.ts`.
 */
import {
  PixPspError,
  Pii,
  type ChargePatch,
  type ChargePayment,
  type CreateChargeInput,
  type CreateDueChargeInput,
  type ListPixQuery,
  type PixCharge,
  type PixDueCharge,
  type PixPage,
  type PixRefund,
  type PixWebhook,
  type ReceivedPix,
  type RequestRefundInput,
} from '../../app/ports/pix-psp.js';
import {
  COBRANCA_STATUSES,
  DEVOLUCAO_NATUREZAS,
  DEVOLUCAO_STATUSES,
  chargeStatus,
  member,
  refundNature,
  refundStatus,
} from './statuses.js';
import {
  checkDate,
  checkText,
  checkTime,
  compact,
  fromDevedor,
  fromInt,
  fromTime,
  fromValor,
  toDevedor,
  toValor,
} from './values.js';
import type {
  CobSolicitadaWire,
  CobVSolicitadaWire,
  CobVWire,
  CobWire,
  DevolucaoSolicitadaWire,
  DevolucaoWire,
  PixConsultadosWire,
  PixWire,
  WebhookWire,
} from './wire.js';

/** `calendario.expiracao` default when a PSP omits it (API Pix `CobExpiracao`). */
export const DEFAULT_EXPIRATION_SECONDS = 86_400;
/** `calendario.validadeAposVencimento` default (API Pix `CobDataDeVencimento`). */
export const DEFAULT_VALID_AFTER_DUE_DAYS = 30;
const MAX_INT32 = 2_147_483_647;

function expiration(seconds: number): number {
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > MAX_INT32) {
    throw new PixPspError('invalid_request', 'expiresInSeconds must be a positive int32');
  }
  return seconds;
}

/** `PUT /cob/{txid}` / `POST /cob` body. */
export function toCobSolicitada(input: CreateChargeInput): CobSolicitadaWire {
  return compact({
    calendario: { expiracao: expiration(input.expiresInSeconds) },
    devedor: input.payer === undefined ? undefined : toDevedor(input.payer, 'payer'),
    valor: { original: toValor(input.amount, 'amount') },
    chave: checkText(input.receiverKey, 'receiverKey', 77),
    solicitacaoPagador: checkText(input.description, 'description', 140),
  });
}

/** `PATCH /cob/{txid}` body. Removal must come alone (`CobRevisada`, PIX_SPEC §3.2). */
export function toCobRevisada(patch: ChargePatch): CobSolicitadaWire {
  if (patch.status === 'removed_by_receiver') {
    const others = Object.entries(patch).filter(([k, v]) => k !== 'status' && v !== undefined);
    if (others.length > 0) throw new PixPspError('invalid_request', 'removing a charge cannot be combined with other changes');
    return { status: 'REMOVIDA_PELO_USUARIO_RECEBEDOR' };
  }
  const body = compact({
    calendario: patch.expiresInSeconds === undefined ? undefined : { expiracao: expiration(patch.expiresInSeconds) },
    devedor: patch.payer === undefined ? undefined : toDevedor(patch.payer, 'payer'),
    valor: patch.amount === undefined ? undefined : { original: toValor(patch.amount, 'amount') },
    solicitacaoPagador: checkText(patch.description, 'description', 140),
  });
  if (Object.keys(body).length === 0) throw new PixPspError('invalid_request', 'the patch changes nothing');
  return body;
}

function payments(list: PixWire[] | undefined, field: string): ChargePayment[] {
  return (list ?? []).map((p) => ({
    endToEndId: p.endToEndId,
    amount: fromValor(p.valor, `${field}.pix.valor`),
    paidAt: fromTime(p.horario, `${field}.pix.horario`),
  }));
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null || value === '') throw new PixPspError('protocol', `PSP response lacks ${field}`);
  return value;
}

/** `CobGerada` / `CobCompleta` → our charge. `expiresAt` = `criacao` + `expiracao`. */
export function fromCob(w: CobWire): PixCharge {
  const createdAt = fromTime(w.calendario?.criacao, 'cob.calendario.criacao');
  const seconds = w.calendario.expiracao === undefined ? DEFAULT_EXPIRATION_SECONDS : fromInt(w.calendario.expiracao, 'cob.calendario.expiracao');
  return compact({
    txid: required(w.txid, 'cob.txid'),
    status: chargeStatus(member(COBRANCA_STATUSES, w.status, 'cob.status')),
    amount: fromValor(w.valor?.original, 'cob.valor.original'),
    location: required(w.location ?? w.loc?.location, 'cob.location'),
    brcode: required(w.pixCopiaECola, 'cob.pixCopiaECola'),
    createdAt,
    expiresAt: new Date(Date.parse(createdAt) + seconds * 1000).toISOString(),
    revision: fromInt(w.revisao, 'cob.revisao'),
    payer: fromDevedor(w.devedor),
    description: w.solicitacaoPagador,
    payments: payments(w.pix, 'cob'),
  });
}

/** `PUT /cobv/{txid}` body. */
export function toCobVSolicitada(input: CreateDueChargeInput): CobVSolicitadaWire {
  const validade = input.validAfterDueDays ?? DEFAULT_VALID_AFTER_DUE_DAYS;
  if (!Number.isSafeInteger(validade) || validade < 0 || validade > MAX_INT32) {
    throw new PixPspError('invalid_request', 'validAfterDueDays must be a non-negative int32');
  }
  return compact({
    calendario: { dataDeVencimento: checkDate(input.dueDate, 'dueDate'), validadeAposVencimento: validade },
    devedor: toDevedor(input.payer, 'payer'),
    valor: { original: toValor(input.amount, 'amount') },
    chave: required(checkText(input.receiverKey, 'receiverKey', 77), 'receiverKey'),
    solicitacaoPagador: checkText(input.description, 'description', 140),
  });
}

/** `CobVGerada` / `CobVCompleta` → our due charge. */
export function fromCobV(w: CobVWire): PixDueCharge {
  const validade = w.calendario.validadeAposVencimento;
  return compact({
    txid: required(w.txid, 'cobv.txid'),
    status: chargeStatus(member(COBRANCA_STATUSES, w.status, 'cobv.status')),
    amount: fromValor(w.valor?.original, 'cobv.valor.original'),
    location: required(w.location ?? w.loc?.location, 'cobv.location'),
    brcode: required(w.pixCopiaECola, 'cobv.pixCopiaECola'),
    createdAt: fromTime(w.calendario.criacao, 'cobv.calendario.criacao'),
    dueDate: required(w.calendario.dataDeVencimento, 'cobv.calendario.dataDeVencimento'),
    validAfterDueDays: validade === undefined ? DEFAULT_VALID_AFTER_DUE_DAYS : fromInt(validade, 'cobv.calendario.validadeAposVencimento'),
    revision: fromInt(w.revisao, 'cobv.revisao'),
    payer: fromDevedor(w.devedor) ?? {},
    description: w.solicitacaoPagador,
    payments: payments(w.pix, 'cobv'),
  });
}

/** `PUT /pix/{e2eid}/devolucao/{id}` body; `natureza` defaults to ORIGINAL at the PSP. */
export function toDevolucaoSolicitada(input: RequestRefundInput): DevolucaoSolicitadaWire {
  return compact({ valor: toValor(input.amount, 'amount'), descricao: checkText(input.reason, 'reason', 140) });
}

export function fromDevolucao(endToEndId: string, w: DevolucaoWire): PixRefund {
  return compact({
    endToEndId,
    refundId: required(w.id, 'devolucao.id'),
    returnId: required(w.rtrId, 'devolucao.rtrId'),
    amount: fromValor(w.valor, 'devolucao.valor'),
    // `natureza` is optional in `Devolucao`; the PSP default for a requested refund is ORIGINAL.
    nature: refundNature(member(DEVOLUCAO_NATUREZAS, w.natureza ?? 'ORIGINAL', 'devolucao.natureza')),
    status: refundStatus(member(DEVOLUCAO_STATUSES, w.status, 'devolucao.status')),
    description: w.descricao,
    requestedAt: w.horario?.solicitacao === undefined ? undefined : fromTime(w.horario.solicitacao, 'devolucao.horario.solicitacao'),
    settledAt: w.horario?.liquidacao === undefined ? undefined : fromTime(w.horario.liquidacao, 'devolucao.horario.liquidacao'),
    statusReason: w.motivo,
  });
}

/** `Pix` → a received Pix. `devolucoes` may be an array or, per `pixWebhook1`, a single object. */
export function fromPix(w: PixWire): ReceivedPix {
  const devolucoes = w.devolucoes === undefined ? [] : Array.isArray(w.devolucoes) ? w.devolucoes : [w.devolucoes];
  return compact({
    endToEndId: required(w.endToEndId, 'pix.endToEndId'),
    txid: w.txid,
    amount: fromValor(w.valor, 'pix.valor'),
    paidAt: fromTime(w.horario, 'pix.horario'),
    receiverKey: w.chave === undefined ? undefined : new Pii(w.chave),
    payerInfo: w.infoPagador === undefined ? undefined : new Pii(w.infoPagador),
    refunds: devolucoes.map((d) => fromDevolucao(w.endToEndId, d)),
  });
}

/** `GET /pix` query string parameters. */
export function toPixQuery(q: ListPixQuery): Record<string, string> {
  const page = q.page ?? 0;
  const size = q.pageSize ?? 100;
  if (!Number.isSafeInteger(page) || page < 0) throw new PixPspError('invalid_request', 'page must be a non-negative integer');
  if (!Number.isSafeInteger(size) || size < 1 || size > 1000) throw new PixPspError('invalid_request', 'pageSize must be 1–1000');
  return {
    inicio: checkTime(q.from, 'from'),
    fim: checkTime(q.to, 'to'),
    ...(q.txid !== undefined ? { txid: q.txid } : {}),
    'paginacao.paginaAtual': String(page),
    'paginacao.itensPorPagina': String(size),
  };
}

/** `PixConsultados` → a page. The list is read from `pix` (the schema's `cobs` is a spec bug). */
export function fromPixConsultados(w: PixConsultadosWire, requestedPage: number): PixPage {
  const items = (w.pix ?? []).map(fromPix);
  const p = w.parametros?.paginacao;
  return {
    items,
    page: p?.paginaAtual === undefined ? requestedPage : fromInt(p.paginaAtual, 'paginacao.paginaAtual'),
    pages: Math.max(1, p?.quantidadeDePaginas === undefined ? 1 : fromInt(p.quantidadeDePaginas, 'paginacao.quantidadeDePaginas')),
    total: p?.quantidadeTotalDeItens === undefined ? items.length : fromInt(p.quantidadeTotalDeItens, 'paginacao.quantidadeTotalDeItens'),
  };
}

export function toWebhookConfig(url: string): { webhookUrl: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PixPspError('invalid_request', 'webhook url must be an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new PixPspError('invalid_request', 'webhook url must be http(s)');
  return { webhookUrl: url };
}

export function fromWebhook(w: WebhookWire): PixWebhook {
  return compact({
    url: required(w.webhookUrl, 'webhook.webhookUrl'),
    createdAt: w.criacao === undefined ? undefined : fromTime(w.criacao, 'webhook.criacao'),
  });
}
