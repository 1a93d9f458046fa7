import { describe, expect, it } from 'vitest';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';
import { fromCobR, fromRec, toCobRSolicitada, toRecSolicitada } from '../../../functions/adapters/pix-api/transformers-rec.js';
import type { CobRWire, RecWire } from '../../../functions/adapters/pix-api/wire.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof PixPspError ? e.code : 'other';
  }
  return 'none';
};

// recResponse1 of the spec, including its deviations from the schema (nome for status, tipoJornada nested).
const rec: RecWire = {
  idRec: 'RN1234567820240115abcdefghijk',
  vinculo: { contrato: '63100862', devedor: { cpf: '12345678909', nome: 'Fulano de Tal' }, objeto: 'Serviço de Streamming de Música.' },
  calendario: { dataFinal: '2025-04-01', dataInicial: '2024-04-01', periodicidade: 'MENSAL' },
  politicaRetentativa: 'NAO_PERMITE',
  recebedor: { cnpj: '01602606113708', nome: 'Empresa de Serviços SA' },
  valor: { valorRec: '35.00' },
  status: 'CRIADA',
  loc: { criacao: '2023-12-10T07:10:05.115Z', id: 108, location: 'pix.example.com/qr/v2/rec/2353c790eefb11eaadc10242ac120002' },
  ativacao: { dadosJornada: { tipoJornada: 'JORNADA_3', txid: '33beb661beda44a8928fef47dbeb2dc5' } },
  atualizacao: [{ data: '2023-12-19T12:28:05.230Z', nome: 'CRIADA' }],
};

describe('recurrence (rec)', () => {
  it('builds RecSolicitada with wire enums and a fixed valorRec', () => {
    expect(
      toRecSolicitada({
        contract: '63100862', description: 'Streaming', debtor: { name: 'Fulano', taxId: '12345678909' }, startDate: '2024-04-01',
        endDate: '2025-04-01', period: 'monthly', amount: 3500, retryPolicy: 'no_retries', journeyTxid: '33beb661beda44a8928fef47dbeb2dc5',
      }),
    ).toEqual({
      vinculo: { contrato: '63100862', devedor: { cpf: '12345678909', nome: 'Fulano' }, objeto: 'Streaming' },
      calendario: { dataInicial: '2024-04-01', dataFinal: '2025-04-01', periodicidade: 'MENSAL' },
      valor: { valorRec: '35.00' },
      politicaRetentativa: 'NAO_PERMITE',
      ativacao: { dadosJornada: { txid: '33beb661beda44a8928fef47dbeb2dc5' } },
    });
  });

  it('refuses a fixed and a minimum amount together, a long contract, and a bad date', () => {
    const base = { contract: 'C', debtor: { name: 'F', taxId: '12345678909' }, startDate: '2024-04-01', period: 'weekly' as const, retryPolicy: 'no_retries' as const };
    expect(codeOf(() => toRecSolicitada({ ...base, amount: 1, minimumAmount: 1 }))).toBe('invalid_request');
    expect(codeOf(() => toRecSolicitada({ ...base, contract: 'x'.repeat(36) }))).toBe('invalid_request');
    expect(codeOf(() => toRecSolicitada({ ...base, startDate: '2024-13-01' }))).toBe('invalid_request');
    expect(toRecSolicitada({ ...base, minimumAmount: 500000 }).valor).toEqual({ valorMinimoRecebedor: '5000.00' });
  });

  it('reads recResponse1 despite its schema deviations', () => {
    const r = fromRec(rec);
    expect(r).toMatchObject({
      id: rec.idRec, status: 'created', contract: '63100862', period: 'monthly', amount: 3500, retryPolicy: 'no_retries',
      journey: 'journey_3', location: rec.loc!.location, startDate: '2024-04-01', endDate: '2025-04-01',
      history: [{ status: 'created', at: '2023-12-19T12:28:05.230Z' }],
    });
    expect(r.debtor.name?.reveal()).toBe('Fulano de Tal');
  });

  it('reads tipoJornada where the schema puts it, and dadosQR', () => {
    const r = fromRec({ ...rec, ativacao: { tipoJornada: 'AGUARDANDO_DEFINICAO' }, dadosQR: { jornada: 'JORNADA_2', pixCopiaECola: '0002...' } });
    expect(r.journey).toBe('awaiting_definition');
    expect(r.brcode).toBe('0002...');
  });
});

const cobr: CobRWire = {
  idRec: 'RR1234567820240115abcdefghijk',
  txid: '3136957d93134f2184b369e8f1c0729d',
  infoAdicional: 'Serviços de Streamming de Música e Filmes.',
  calendario: { criacao: '2024-04-01', dataDeVencimento: '2024-04-15' },
  status: 'CRIADA',
  valor: { original: '106.07' },
  politicaRetentativa: 'PERMITE_3R_7D',
  ajusteDiaUtil: true,
  recebedor: { agencia: '9708', conta: '012682', tipoConta: 'CORRENTE' },
  atualizacao: [{ data: '2024-04-01T14:47:29.470Z', status: 'CRIADA' }],
};

describe('recurring charge (cobr)', () => {
  it('builds CobRSolicitada with ajusteDiaUtil defaulting to true', () => {
    expect(
      toCobRSolicitada({ recurrenceId: cobr.idRec, dueDate: '2024-04-15', amount: 10607, receiverAccount: { branch: '9708', account: '012682', accountType: 'checking' } }),
    ).toEqual({ idRec: cobr.idRec, calendario: { dataDeVencimento: '2024-04-15' }, valor: { original: '106.07' }, ajusteDiaUtil: true, recebedor: { agencia: '9708', conta: '012682', tipoConta: 'CORRENTE' } });
    expect(codeOf(() => toCobRSolicitada({ recurrenceId: 'short', dueDate: '2024-04-15', amount: 1, receiverAccount: { account: '1', accountType: 'savings' } }))).toBe('invalid_request');
    expect(codeOf(() => toCobRSolicitada({ recurrenceId: cobr.idRec, dueDate: '2024-04-15', amount: 1, receiverAccount: { branch: '12345', account: '1', accountType: 'savings' } }))).toBe('invalid_request');
  });

  it('reads cobRResponse1 with attempts', () => {
    const c = fromCobR({
      ...cobr,
      status: 'CONCLUIDA',
      tentativas: [{ dataLiquidacao: '2024-04-15', tipo: 'AGND', status: 'PAGA', endToEndId: 'E12345678202404150000abcdefghijk' }],
    });
    expect(c).toMatchObject({
      txid: cobr.txid, recurrenceId: cobr.idRec, status: 'completed', amount: 10607, dueDate: '2024-04-15', createdOn: '2024-04-01',
      adjustToBusinessDay: true, retryPolicy: 'up_to_3_retries_in_7_days', receiverAccount: { branch: '9708', account: '012682', accountType: 'checking' },
      attempts: [{ type: 'scheduled', status: 'paid', settlementDate: '2024-04-15' }],
      history: [{ status: 'created' }],
    });
  });

  it('reads the schema’s company-shaped recebedor without inventing an account', () => {
    const c = fromCobR({ ...cobr, recebedor: { cnpj: '11222333000181', nome: 'X' } });
    expect(c.receiverAccount).toBeUndefined();
  });
});
