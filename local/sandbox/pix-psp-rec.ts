/**
 * Minimal Pix Automático in the sandbox (API Pix 2.7.0+, here 2.9.0; PIX_SPEC §3.6): `POST /rec`,
 * `GET /rec/{idRec}[?txid]` (with `dadosQR`: the rec-only BR Code, or the composite one with an
 * immediate charge), the rec payload location `GET /qr/v2/rec/{token}` (JWS `RecPayload`), and
 * `PUT|POST /cobr`, `GET /cobr/{txid}`. A cobr needs an APROVADA recurrence; approval is what the
 * payer's PSP does, simulated by `POST /__sandbox/rec/approve`.
 */
import { encodeBrCode } from '../../functions/core/pix/index.js';
import type { CobRWire, Devedor, RecWire } from '../../functions/adapters/pix-api/wire.js';
import { locationOf } from './pix-psp-cob.js';
import { SandboxProblem, invalid, notFound, obj, parseJsonObject, str, type Answer, type Ctx, type Violation } from './pix-psp-http.js';
import { newRecId, newToken, newTxid, type SandboxState } from './pix-psp-state.js';
import { TXID, checkDate, checkDevedor, checkLength, checkValor } from './pix-psp-validate.js';

const PERIODS = ['SEMANAL', 'MENSAL', 'TRIMESTRAL', 'SEMESTRAL', 'ANUAL'];
const POLICIES = ['NAO_PERMITE', 'PERMITE_3R_7D'];
const ACCOUNT_TYPES = ['CORRENTE', 'POUPANCA', 'PAGAMENTO'];

function recLocation(s: SandboxState, token: string): string {
  return `${s.host}/qr/v2/rec/${token}`;
}

function publicRec(r: RecWire & { token: string }): RecWire {
  const { token: _token, ...rest } = r;
  return rest;
}

export function postRec(c: Ctx): Answer {
  const s = c.s;
  const b = parseJsonObject(c.body, 'RecOperacaoInvalida');
  const v: Violation[] = [];
  const vinculo = obj(b.vinculo) ?? {};
  const cal = obj(b.calendario) ?? {};
  const valor = obj(b.valor);
  const contrato = str(vinculo.contrato);
  if (!contrato || contrato.length > 35) v.push({ razao: 'contrato obrigatório, até 35 caracteres.', propriedade: 'rec.vinculo.contrato' });
  const objeto = checkLength(vinculo.objeto, 'rec.vinculo.objeto', 35, v);
  const devedor = checkDevedor(vinculo.devedor, 'rec.vinculo.devedor', v, true, 140);
  const dataInicial = checkDate(cal.dataInicial, 'rec.calendario.dataInicial', v);
  const dataFinal = cal.dataFinal === undefined ? undefined : checkDate(cal.dataFinal, 'rec.calendario.dataFinal', v);
  const periodicidade = str(cal.periodicidade);
  if (!periodicidade || !PERIODS.includes(periodicidade)) v.push({ razao: 'periodicidade inválida.', propriedade: 'rec.calendario.periodicidade' });
  const politica = str(b.politicaRetentativa);
  if (!politica || !POLICIES.includes(politica)) v.push({ razao: 'politicaRetentativa inválida.', propriedade: 'rec.politicaRetentativa' });
  if (valor?.valorRec !== undefined && valor.valorMinimoRecebedor !== undefined) {
    v.push({ razao: 'valorRec e valorMinimoRecebedor não podem coexistir.', propriedade: 'rec.valor' });
  }
  const valorRec = valor?.valorRec === undefined ? undefined : checkValor(valor.valorRec, 'rec.valor.valorRec', v);
  const minimo = valor?.valorMinimoRecebedor === undefined ? undefined : checkValor(valor.valorMinimoRecebedor, 'rec.valor.valorMinimoRecebedor', v);
  const journeyTxid = str(obj(obj(b.ativacao)?.dadosJornada)?.txid);
  if (journeyTxid !== undefined && !TXID.test(journeyTxid)) v.push({ razao: 'txid inválido.', propriedade: 'rec.ativacao.dadosJornada.txid' });
  if (v.length > 0 || !contrato || !devedor || !dataInicial || !periodicidade || !politica) throw invalid('RecOperacaoInvalida', v);
  const now = s.now().toISOString();
  const token = newToken();
  const rec: RecWire & { token: string } = {
    idRec: newRecId(s, politica === 'PERMITE_3R_7D'),
    vinculo: { contrato, devedor: devedor as Devedor, ...(objeto !== undefined ? { objeto } : {}) },
    calendario: { dataInicial, ...(dataFinal !== undefined ? { dataFinal } : {}), periodicidade },
    ...(valorRec !== undefined || minimo !== undefined
      ? { valor: { ...(valorRec !== undefined ? { valorRec } : {}), ...(minimo !== undefined ? { valorMinimoRecebedor: minimo } : {}) } }
      : {}),
    politicaRetentativa: politica,
    recebedor: { cnpj: s.merchant.cnpj, nome: s.merchant.nome },
    status: 'CRIADA',
    loc: { id: s.nextLocId++, location: recLocation(s, token), criacao: now },
    ativacao: { tipoJornada: 'AGUARDANDO_DEFINICAO', ...(journeyTxid !== undefined ? { dadosJornada: { txid: journeyTxid } } : {}) },
    atualizacao: [{ status: 'CRIADA', data: now }],
    token,
  };
  rec.loc = { ...rec.loc, idRec: rec.idRec };
  s.recs.set(rec.idRec, rec);
  return { status: 201, body: publicRec(rec) };
}

export function getRec(c: Ctx): Answer {
  const s = c.s;
  const rec = s.recs.get(c.params[0] ?? '');
  if (!rec) throw notFound('Recorrência não encontrada.');
  const recUrl = recLocation(s, rec.token);
  const common = { merchantName: s.opts.merchantName, merchantCity: s.opts.merchantCity, recUrl };
  const txid = c.query.get('txid');
  const cob = txid === null ? undefined : s.cobs.get(txid);
  if (txid !== null && !cob) throw notFound('Cobrança não encontrada para o txid informado.');
  const dadosQR = cob
    ? { jornada: cob.kind === 'cob' ? 'JORNADA_3' : 'JORNADA_4', pixCopiaECola: encodeBrCode({ kind: 'composite', ...common, url: locationOf(s, cob) }) }
    : { jornada: 'JORNADA_2', pixCopiaECola: encodeBrCode({ kind: 'rec-only', ...common }) };
  return { status: 200, body: { ...publicRec(rec), dadosQR } };
}

export function getRecPayload(c: Ctx): Answer {
  const rec = [...c.s.recs.values()].find((r) => r.token === c.params[0]);
  if (!rec) throw new SandboxProblem(404, 'RecPayloadOperacaoInvalida', 'Não Encontrado', 'Payload não encontrado.');
  const { loc: _loc, ativacao: _ativacao, ...rest } = publicRec(rec);
  return {
    status: 200,
    contentType: 'application/jose',
    body: c.s.signer.sign({ ...rest, recebedor: { ...rec.recebedor, ispbParticipante: c.s.merchant.ispb } }),
  };
}

/** Payer-side approval (what the payer's PSP reports after the payer accepts). */
export function approveRec(s: SandboxState, idRec: string): RecWire {
  const rec = s.recs.get(idRec);
  if (!rec) throw notFound('Recorrência não encontrada.');
  if (rec.status !== 'CRIADA') throw invalid('RecOperacaoInvalida', [{ razao: `Recorrência ${rec.status}.`, propriedade: 'rec.status' }]);
  rec.status = 'APROVADA';
  rec.ativacao = { ...rec.ativacao, tipoJornada: rec.ativacao?.dadosJornada?.txid ? 'JORNADA_3' : 'JORNADA_2' };
  rec.atualizacao = [...(rec.atualizacao ?? []), { status: 'APROVADA', data: s.now().toISOString() }];
  return publicRec(rec);
}

function createCobr(s: SandboxState, txid: string, raw: string): Answer {
  const b = parseJsonObject(raw, 'CobROperacaoInvalida');
  const v: Violation[] = [];
  if (!TXID.test(txid)) v.push({ razao: 'txid deve ter de 26 a 35 caracteres alfanuméricos.', propriedade: 'cobr.txid' });
  if (s.cobrs.has(txid)) v.push({ razao: 'O txid informado já está em uso.', propriedade: 'cobr.txid' });
  const rec = s.recs.get(str(b.idRec) ?? '');
  if (!rec) v.push({ razao: 'Recorrência não encontrada.', propriedade: 'cobr.idRec' });
  else if (rec.status !== 'APROVADA') v.push({ razao: `Recorrência ${rec.status}: é preciso APROVADA.`, propriedade: 'cobr.idRec' });
  const venc = checkDate(obj(b.calendario)?.dataDeVencimento, 'cobr.calendario.dataDeVencimento', v);
  const valor = checkValor(obj(b.valor)?.original, 'cobr.valor.original', v);
  const info = checkLength(b.infoAdicional, 'cobr.infoAdicional', 140, v);
  const recebedor = obj(b.recebedor);
  const conta = str(recebedor?.conta);
  const tipoConta = str(recebedor?.tipoConta);
  const agencia = recebedor?.agencia === undefined ? undefined : str(recebedor.agencia);
  if (!conta || !/^\d{1,20}$/.test(conta) || !tipoConta || !ACCOUNT_TYPES.includes(tipoConta) || (agencia !== undefined && !/^\d{1,4}$/.test(agencia))) {
    v.push({ razao: 'recebedor exige conta, tipoConta e agencia válidos.', propriedade: 'cobr.recebedor' });
  }
  const ajuste = b.ajusteDiaUtil === undefined ? true : b.ajusteDiaUtil;
  if (typeof ajuste !== 'boolean') v.push({ razao: 'ajusteDiaUtil é booleano.', propriedade: 'cobr.ajusteDiaUtil' });
  if (v.length > 0 || !rec || !venc || !valor || !conta || !tipoConta) throw invalid('CobROperacaoInvalida', v);
  const now = s.now();
  const cobr: CobRWire = {
    idRec: rec.idRec,
    txid,
    ...(info !== undefined ? { infoAdicional: info } : {}),
    calendario: { criacao: now.toISOString().slice(0, 10), dataDeVencimento: venc },
    valor: { original: valor },
    status: 'CRIADA',
    politicaRetentativa: rec.politicaRetentativa,
    ajusteDiaUtil: ajuste === true,
    recebedor: { ...(agencia !== undefined ? { agencia } : {}), conta, tipoConta: tipoConta as 'CORRENTE' },
    atualizacao: [{ status: 'CRIADA', data: now.toISOString() }],
  };
  s.cobrs.set(txid, cobr);
  return { status: 201, body: cobr };
}

export const putCobr = (c: Ctx): Answer => createCobr(c.s, c.params[0] ?? '', c.body);
export const postCobr = (c: Ctx): Answer => createCobr(c.s, newTxid(), c.body);
export function getCobr(c: Ctx): Answer {
  const cobr = c.s.cobrs.get(c.params[0] ?? '');
  if (!cobr) throw notFound('Cobrança recorrente não encontrada.');
  return { status: 200, body: cobr };
}
