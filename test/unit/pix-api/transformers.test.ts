import { describe, expect, it } from 'vitest';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';
import {
  fromCob,
  fromCobV,
  fromDevolucao,
  fromPix,
  fromPixConsultados,
  fromWebhook,
  toCobRevisada,
  toCobSolicitada,
  toCobVSolicitada,
  toDevolucaoSolicitada,
  toPixQuery,
  toWebhookConfig,
} from '../../../functions/adapters/pix-api/transformers.js';
import type { CobWire, DevolucaoWire, PixWire } from '../../../functions/adapters/pix-api/wire.js';

const KEY = '40a0932d-1918-4eee-845d-35a2da1690dc';
const codeOf = async (f: () => unknown): Promise<string> => {
  try {
    await f();
  } catch (e) {
    return e instanceof PixPspError ? e.code : 'other';
  }
  return 'none';
};

// Shaped after the spec example cobResponse1, with quoted integers as in cobPayload1.
const cob: CobWire = {
  calendario: { criacao: '2020-09-09T20:15:00.358Z', expiracao: '3600' },
  txid: '7978c0c97ea847e78e8849634473c1f1',
  revisao: '0',
  loc: { id: 789, location: 'pix.example.com/qr/9d36b84fc70b478fb95c12729b90ca25', tipoCob: 'cob' },
  location: 'pix.example.com/qr/9d36b84fc70b478fb95c12729b90ca25',
  status: 'ATIVA',
  devedor: { cnpj: '12345678000195', nome: 'Empresa de Serviços SA' },
  valor: { original: '37.00' },
  chave: KEY,
  solicitacaoPagador: 'Serviço realizado.',
  pixCopiaECola: '00020101021226830014BR.GOV.BCB.PIX2561...6304ABCD',
};

describe('immediate charge (cob)', () => {
  it('builds CobSolicitada with valor as a 2-decimal string and expiracao in seconds', async () => {
    expect(
      toCobSolicitada({ amount: 3700, expiresInSeconds: 3600, receiverKey: KEY, description: 'x', payer: { name: 'F', taxId: '12345678909' } }),
    ).toEqual({ calendario: { expiracao: 3600 }, devedor: { cpf: '12345678909', nome: 'F' }, valor: { original: '37.00' }, chave: KEY, solicitacaoPagador: 'x' });
    expect(await codeOf(() => toCobSolicitada({ amount: 1, expiresInSeconds: 0, receiverKey: KEY }))).toBe('invalid_request');
    expect(await codeOf(() => toCobSolicitada({ amount: 1, expiresInSeconds: 1, receiverKey: KEY, description: 'x'.repeat(141) }))).toBe('invalid_request');
  });

  it('reads CobGerada, computing expiresAt from criacao + expiracao and tolerating quoted integers', () => {
    const c = fromCob(cob);
    expect(c).toMatchObject({ txid: cob.txid, status: 'active', amount: 3700, revision: 0, location: cob.location, brcode: cob.pixCopiaECola, payments: [] });
    expect(c.createdAt).toBe('2020-09-09T20:15:00.358Z');
    expect(c.expiresAt).toBe('2020-09-09T21:15:00.358Z');
  });

  it('defaults expiracao to 86400 s, takes location from loc, and lists received Pix', () => {
    const { location: _l, ...noLocation } = cob;
    const c = fromCob({
      ...noLocation,
      calendario: { criacao: cob.calendario.criacao },
      status: 'CONCLUIDA',
      pix: [{ endToEndId: 'E12345678202009091221abcdef12345', valor: '37.00', horario: '2020-09-10T13:03:33.902Z' }],
    });
    expect(c.expiresAt).toBe('2020-09-10T20:15:00.358Z');
    expect(c.location).toBe(cob.loc!.location);
    expect(c.status).toBe('completed');
    expect(c.payments).toEqual([{ endToEndId: 'E12345678202009091221abcdef12345', amount: 3700, paidAt: '2020-09-10T13:03:33.902Z' }]);
  });

  it('fails as protocol when the PSP omits pixCopiaECola or sends an unknown status', async () => {
    const { pixCopiaECola: _p, ...noCopia } = cob;
    expect(await codeOf(() => fromCob(noCopia as CobWire))).toBe('protocol');
    expect(await codeOf(() => fromCob({ ...cob, status: 'EXPIRADA' }))).toBe('protocol');
  });

  it('a removal patch is the status alone; combining it with changes, or an empty patch, is refused', async () => {
    expect(toCobRevisada({ status: 'removed_by_receiver' })).toEqual({ status: 'REMOVIDA_PELO_USUARIO_RECEBEDOR' });
    expect(await codeOf(() => toCobRevisada({ status: 'removed_by_receiver', description: 'x' }))).toBe('invalid_request');
    expect(await codeOf(() => toCobRevisada({}))).toBe('invalid_request');
    expect(toCobRevisada({ amount: 1, expiresInSeconds: 60 })).toEqual({ calendario: { expiracao: 60 }, valor: { original: '0.01' } });
  });
});

describe('due-date charge (cobv)', () => {
  it('builds CobVSolicitada with devedor required and validade defaulting to 30', () => {
    const w = toCobVSolicitada({ txid: 'x'.repeat(26), amount: 100, dueDate: '2030-01-31', payer: { name: 'E', taxId: '11222333000181' }, receiverKey: KEY });
    expect(w).toEqual({ calendario: { dataDeVencimento: '2030-01-31', validadeAposVencimento: 30 }, devedor: { cnpj: '11222333000181', nome: 'E' }, valor: { original: '1.00' }, chave: KEY });
  });

  it('reads CobVGerada', () => {
    const v = fromCobV({
      ...cob,
      calendario: { criacao: cob.calendario.criacao, dataDeVencimento: '2020-12-31', validadeAposVencimento: 30 },
      devedor: { cpf: '12345678909', nome: 'F' },
      valor: { original: '123.45' },
    });
    expect(v).toMatchObject({ dueDate: '2020-12-31', validAfterDueDays: 30, amount: 12345, status: 'active' });
    expect(v.payer.taxId?.reveal()).toBe('12345678909');
  });
});

const devolucao: DevolucaoWire = {
  id: '123456',
  rtrId: 'D12345678202009091000abcde123456',
  valor: '7.89',
  horario: { solicitacao: '2020-09-11T15:25:59.411Z' },
  status: 'EM_PROCESSAMENTO',
};

describe('received Pix and refunds', () => {
  it('builds the refund request and reads devolucaoResponse1 (natureza defaults to ORIGINAL)', () => {
    expect(toDevolucaoSolicitada({ endToEndId: 'e', refundId: 'r', amount: 789, reason: 'Devolução' })).toEqual({ valor: '7.89', descricao: 'Devolução' });
    expect(fromDevolucao('E1', devolucao)).toEqual({
      endToEndId: 'E1', refundId: '123456', returnId: devolucao.rtrId, amount: 789, nature: 'original', status: 'processing',
      requestedAt: '2020-09-11T15:25:59.411Z',
    });
    const failed = fromDevolucao('E1', { ...devolucao, status: 'NAO_REALIZADO', motivo: 'Negado por timeout', natureza: 'MED_FRAUDE' });
    expect(failed).toMatchObject({ status: 'failed', statusReason: 'Negado por timeout', nature: 'med_fraud' });
  });

  const pix: PixWire = {
    endToEndId: 'E12345678202009091221abcdef12345', txid: 'cd1fe328c875481285a6f233ae41b662', valor: '100.00',
    horario: '2020-09-10T13:03:33.902Z', infoPagador: 'Reforma da casa', chave: KEY,
  };

  it('reads devolucoes as an array and, per the pixWebhook1 spec bug, as a single object', () => {
    expect(fromPix({ ...pix, devolucoes: [devolucao] }).refunds).toHaveLength(1);
    expect(fromPix({ ...pix, devolucoes: devolucao }).refunds.map((r) => r.refundId)).toEqual(['123456']);
    expect(fromPix(pix).refunds).toEqual([]);
  });

  it('wraps payer free text and the key', () => {
    const p = fromPix(pix);
    expect(p).toMatchObject({ endToEndId: pix.endToEndId, txid: pix.txid, amount: 10000, paidAt: pix.horario });
    expect(JSON.stringify(p)).not.toContain('Reforma');
    expect(JSON.stringify(p)).not.toContain(KEY);
    expect(p.payerInfo?.reveal()).toBe('Reforma da casa');
  });

  it('builds GET /pix parameters with paginacao.* names and bounds-checks them', async () => {
    expect(toPixQuery({ from: '2020-01-01T00:00:00Z', to: '2020-12-01T17:00:00-03:00', page: 2, pageSize: 50, txid: 'abc' })).toEqual({
      inicio: '2020-01-01T00:00:00.000Z', fim: '2020-12-01T20:00:00.000Z', txid: 'abc', 'paginacao.paginaAtual': '2', 'paginacao.itensPorPagina': '50',
    });
    expect(await codeOf(() => toPixQuery({ from: 'x', to: '2020-01-01T00:00:00Z' }))).toBe('invalid_request');
    expect(await codeOf(() => toPixQuery({ from: '2020-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z', pageSize: 1001 }))).toBe('invalid_request');
  });

  it('reads PixConsultados from `pix` (not the schema’s `cobs`) and its paginacao', () => {
    const page = fromPixConsultados(
      { parametros: { inicio: 'a', fim: 'b', paginacao: { paginaAtual: 1, itensPorPagina: 2, quantidadeDePaginas: 3, quantidadeTotalDeItens: 5 } }, pix: [pix, pix] },
      1,
    );
    expect(page).toMatchObject({ page: 1, pages: 3, total: 5 });
    expect(page.items).toHaveLength(2);
    const empty = fromPixConsultados({ parametros: { inicio: 'a', fim: 'b', paginacao: { paginaAtual: 0, itensPorPagina: 100, quantidadeDePaginas: 0, quantidadeTotalDeItens: 0 } } }, 0);
    expect(empty).toEqual({ items: [], page: 0, pages: 1, total: 0 });
  });
});

describe('webhook', () => {
  it('accepts absolute http(s) URLs only and reads webhookResponse1', async () => {
    expect(toWebhookConfig('https://pix.example.com/api/webhook/')).toEqual({ webhookUrl: 'https://pix.example.com/api/webhook/' });
    expect(await codeOf(() => toWebhookConfig('ftp://x'))).toBe('invalid_request');
    expect(await codeOf(() => toWebhookConfig('/relative'))).toBe('invalid_request');
    expect(fromWebhook({ webhookUrl: 'https://pix.example.com/api/webhook/', chave: KEY, criacao: '2020-11-11T10:15:00.358Z' })).toEqual({
      url: 'https://pix.example.com/api/webhook/', createdAt: '2020-11-11T10:15:00.358Z',
    });
  });
});
