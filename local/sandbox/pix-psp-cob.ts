/**
 * Sandbox `/cob` and `/cobv` (API Pix 2.9.0 §3.2–3.3 of PIX_SPEC) and the payload locations the
 * payer app fetches (`GET /qr/v2/{token}`, `GET /qr/v2/cobv/{token}`: a compact JWS of
 * `CobPayload` / `CobVPayload`). `pixCopiaECola` is a dynamic BR Code built with the core encoder.
 */
import { encodeBrCode } from '../../functions/core/pix/index.js';
import type { CobVWire, CobWire, PixWire } from '../../functions/adapters/pix-api/wire.js';
import { SandboxProblem, invalid, notFound, obj, parseJsonObject, str, type Answer, type Ctx, type Violation } from './pix-psp-http.js';
import { newToken, newTxid, type CobEntry, type SandboxState } from './pix-psp-state.js';
import { TXID, checkDate, checkDevedor, checkInt, checkLength, checkValor } from './pix-psp-validate.js';

const DAY_MS = 86_400_000;

export function locationOf(s: SandboxState, e: CobEntry): string {
  return `${s.host}/qr/v2/${e.kind === 'cobv' ? 'cobv/' : ''}${e.token}`;
}

export function brcodeOf(s: SandboxState, location: string): string {
  return encodeBrCode({ kind: 'dynamic', merchantName: s.opts.merchantName, merchantCity: s.opts.merchantCity, url: location });
}

/** Past its validity (the record status does not change on expiry, API Pix `CobrancaStatus`). */
export function isExpired(s: SandboxState, e: CobEntry): boolean {
  const now = s.now().getTime();
  if (e.kind === 'cob') return now > e.criacao.getTime() + e.expiracao * 1000;
  const lastDay = Date.parse(`${e.dataDeVencimento}T23:59:59.999Z`) + (e.validadeAposVencimento ?? 30) * DAY_MS;
  return now > lastDay;
}

function pixSummaries(s: SandboxState, e: CobEntry): PixWire[] {
  return e.pix.flatMap((id) => {
    const p = s.pix.get(id);
    return p ? [{ endToEndId: p.endToEndId, txid: e.txid, valor: p.valor, horario: p.horario.toISOString() }] : [];
  });
}

export function cobToWire(s: SandboxState, e: CobEntry): CobWire | CobVWire {
  const location = locationOf(s, e);
  const common = {
    txid: e.txid,
    revisao: e.revisao,
    loc: { id: e.locId, location, tipoCob: e.kind, criacao: e.criacao.toISOString() },
    location,
    status: e.status,
    chave: e.chave,
    ...(e.solicitacaoPagador !== undefined ? { solicitacaoPagador: e.solicitacaoPagador } : {}),
    pixCopiaECola: brcodeOf(s, location),
    ...(e.pix.length > 0 ? { pix: pixSummaries(s, e) } : {}),
  };
  if (e.kind === 'cob') {
    return {
      ...common,
      calendario: { criacao: e.criacao.toISOString(), expiracao: e.expiracao },
      valor: { original: e.valor, modalidadeAlteracao: e.modalidadeAlteracao },
      ...(e.devedor ? { devedor: e.devedor } : {}),
    };
  }
  const m = s.merchant;
  return {
    ...common,
    calendario: { criacao: e.criacao.toISOString(), dataDeVencimento: e.dataDeVencimento ?? '', validadeAposVencimento: e.validadeAposVencimento ?? 30 },
    valor: { original: e.valor },
    devedor: e.devedor ?? {},
    recebedor: { cnpj: m.cnpj, nome: m.nome, logradouro: m.logradouro, cidade: m.cidade, uf: m.uf, cep: m.cep },
  };
}

function checkChave(s: SandboxState, v: unknown, prop: string, out: Violation[]): string | undefined {
  const chave = str(v);
  // The key must belong to the receiving user (the PSP checks its own DICT entries).
  if (chave !== s.receiverKey) out.push({ razao: 'A chave não pertence ao usuário recebedor.', propriedade: prop });
  return chave;
}

function create(s: SandboxState, kind: 'cob' | 'cobv', txid: string, raw: string): Answer {
  const tipo = kind === 'cob' ? 'CobOperacaoInvalida' : 'CobVOperacaoInvalida';
  const b = parseJsonObject(raw, tipo);
  const v: Violation[] = [];
  if (!TXID.test(txid)) v.push({ razao: 'txid deve ter de 26 a 35 caracteres alfanuméricos.', propriedade: `${kind}.txid` });
  if (s.cobs.has(txid)) v.push({ razao: 'O txid informado já está em uso.', propriedade: `${kind}.txid` });
  const cal = obj(b.calendario) ?? {};
  const valor = checkValor(obj(b.valor)?.original, `${kind}.valor.original`, v);
  const modalidade = obj(b.valor)?.modalidadeAlteracao;
  if (modalidade !== undefined && modalidade !== 0 && modalidade !== 1) v.push({ razao: 'modalidadeAlteracao é 0 ou 1.', propriedade: `${kind}.valor.modalidadeAlteracao` });
  const chave = checkChave(s, b.chave, `${kind}.chave`, v);
  const devedor = checkDevedor(b.devedor, `${kind}.devedor`, v, kind === 'cobv');
  const solicitacao = checkLength(b.solicitacaoPagador, `${kind}.solicitacaoPagador`, 140, v);
  const expiracao = kind === 'cob' ? checkInt(cal.expiracao, 'cob.calendario.expiracao', v, 1) : undefined;
  const venc = kind === 'cobv' ? checkDate(cal.dataDeVencimento, 'cobv.calendario.dataDeVencimento', v) : undefined;
  const validade = kind === 'cobv' ? checkInt(cal.validadeAposVencimento, 'cobv.calendario.validadeAposVencimento', v, 0) : undefined;
  if (v.length > 0 || valor === undefined || chave === undefined) throw invalid(tipo, v);
  const e: CobEntry = {
    kind,
    txid,
    token: newToken(),
    locId: s.nextLocId++,
    revisao: 0,
    criacao: s.now(),
    expiracao: expiracao ?? 86_400,
    ...(venc !== undefined ? { dataDeVencimento: venc, validadeAposVencimento: validade ?? 30 } : {}),
    status: 'ATIVA',
    valor,
    modalidadeAlteracao: modalidade === 1 ? 1 : 0,
    chave,
    ...(devedor ? { devedor } : {}),
    ...(solicitacao !== undefined ? { solicitacaoPagador: solicitacao } : {}),
    pix: [],
  };
  s.cobs.set(txid, e);
  return { status: 201, body: cobToWire(s, e) };
}

function find(s: SandboxState, kind: 'cob' | 'cobv', txid: string | undefined): CobEntry {
  const e = txid === undefined ? undefined : s.cobs.get(txid);
  if (!e || e.kind !== kind) throw notFound(`Cobrança ${kind} não encontrada para o txid informado.`);
  return e;
}

export const putCob = (c: Ctx): Answer => create(c.s, 'cob', c.params[0] ?? '', c.body);
export const postCob = (c: Ctx): Answer => create(c.s, 'cob', newTxid(), c.body);
export const getCob = (c: Ctx): Answer => ({ status: 200, body: cobToWire(c.s, find(c.s, 'cob', c.params[0])) });
export const putCobv = (c: Ctx): Answer => create(c.s, 'cobv', c.params[0] ?? '', c.body);
export const getCobv = (c: Ctx): Answer => ({ status: 200, body: cobToWire(c.s, find(c.s, 'cobv', c.params[0])) });

/** `PATCH /cob/{txid}`: revise an ATIVA charge (revisao + 1) or remove it (status alone). */
export function patchCob(c: Ctx): Answer {
  const e = find(c.s, 'cob', c.params[0]);
  const b = parseJsonObject(c.body, 'CobOperacaoInvalida');
  const v: Violation[] = [];
  if (e.status !== 'ATIVA') throw invalid('CobOperacaoInvalida', [{ razao: `A cobrança está ${e.status} e não pode ser alterada.`, propriedade: 'cob.status' }]);
  if (b.status !== undefined) {
    if (b.status !== 'REMOVIDA_PELO_USUARIO_RECEBEDOR') v.push({ razao: 'Único status aceito: REMOVIDA_PELO_USUARIO_RECEBEDOR.', propriedade: 'cob.status' });
    if (Object.keys(b).length > 1) v.push({ razao: 'A remoção não pode ser combinada com outras alterações.', propriedade: 'cob.status' });
    if (v.length > 0) throw invalid('CobOperacaoInvalida', v);
    e.status = 'REMOVIDA_PELO_USUARIO_RECEBEDOR';
    e.revisao++;
    return { status: 200, body: cobToWire(c.s, e) };
  }
  const valor = obj(b.valor)?.original === undefined ? undefined : checkValor(obj(b.valor)?.original, 'cob.valor.original', v);
  const expiracao = checkInt(obj(b.calendario)?.expiracao, 'cob.calendario.expiracao', v, 1);
  const devedor = b.devedor === undefined ? undefined : checkDevedor(b.devedor, 'cob.devedor', v, true);
  const solicitacao = checkLength(b.solicitacaoPagador, 'cob.solicitacaoPagador', 140, v);
  if (b.chave !== undefined) checkChave(c.s, b.chave, 'cob.chave', v);
  if (v.length > 0) throw invalid('CobOperacaoInvalida', v);
  if (valor !== undefined) e.valor = valor;
  if (expiracao !== undefined) e.expiracao = expiracao;
  if (devedor !== undefined) e.devedor = devedor;
  if (solicitacao !== undefined) e.solicitacaoPagador = solicitacao;
  e.revisao++;
  return { status: 200, body: cobToWire(c.s, e) };
}

/** `GET /qr/v2/{token}` and `/qr/v2/cobv/{token}`: no auth (capability URL), `application/jose`. */
export function getPayload(kind: 'cob' | 'cobv') {
  return (c: Ctx): Answer => {
    const e = [...c.s.cobs.values()].find((x) => x.kind === kind && x.token === c.params[0]);
    if (!e || e.status === 'REMOVIDA_PELO_USUARIO_RECEBEDOR' || e.status === 'REMOVIDA_PELO_PSP') {
      throw new SandboxProblem(404, 'CobPayloadNaoEncontrado', 'Não Encontrado', 'Payload não encontrado.');
    }
    const w = cobToWire(c.s, e) as unknown as Record<string, unknown>;
    const { loc: _loc, location: _location, pixCopiaECola: _copia, pix: _pix, ...rest } = w;
    const calendario = { ...(w.calendario as object), apresentacao: c.s.now().toISOString() };
    return { status: 200, contentType: 'application/jose', body: c.s.signer.sign({ ...rest, calendario }) };
  };
}
