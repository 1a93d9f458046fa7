/**
 * Pure mapping for Pix Automático (API Pix 2.7.0+, here 2.9.0): recurrences (`/rec`) and
 * recurring charges (`/cobr`). The spec's examples disagree with its schemas in places (noted in
 * `wire.ts`); both shapes are read.
 */
import {
  PixPspError,
  type CreateRecurrenceInput,
  type CreateRecurringChargeInput,
  type Recurrence,
  type RecurrenceStatusChange,
  type RecurringCharge,
  type RecurringChargeAttempt,
} from '../../app/ports/pix-psp.js';
import {
  COBR_STATUSES,
  PERIODICIDADES,
  POLITICAS_RETENTATIVA,
  REC_STATUSES,
  STATUS_TENTATIVA,
  TIPOS_CONTA,
  TIPOS_JORNADA,
  TIPOS_TENTATIVA,
  accountTypeFromWire,
  accountTypeToWire,
  attemptStatus,
  attemptType,
  journeyFromWire,
  member,
  periodFromWire,
  periodToWire,
  recurrenceStatus,
  recurringChargeStatus,
  retryPolicyFromWire,
  retryPolicyToWire,
} from './statuses.js';
import { checkDate, checkText, checkTxid, compact, fromDevedor, fromTime, fromValor, toDevedor, toValor } from './values.js';
import type { CobRSolicitadaWire, CobRWire, RecSolicitadaWire, RecWire, StatusHistoricoWire } from './wire.js';

function history<S extends string, D extends string>(
  list: StatusHistoricoWire[] | undefined,
  allowed: readonly S[],
  map: (s: S) => D,
  field: string,
): RecurrenceStatusChange<D>[] {
  return (list ?? []).map((h) => ({
    status: map(member(allowed, h.status ?? h.nome, `${field}.status`)),
    at: fromTime(h.data, `${field}.data`),
  }));
}

/** `POST /rec` body. `valorRec` and `valorMinimoRecebedor` are mutually exclusive (`RecBase`). */
export function toRecSolicitada(input: CreateRecurrenceInput): RecSolicitadaWire {
  if (input.amount !== undefined && input.minimumAmount !== undefined) {
    throw new PixPspError('invalid_request', 'a recurrence has a fixed amount or a minimum amount, not both');
  }
  const contrato = checkText(input.contract, 'contract', 35);
  if (!contrato) throw new PixPspError('invalid_request', 'contract is required');
  return compact({
    vinculo: compact({
      contrato,
      devedor: toDevedor(input.debtor, 'debtor', 140),
      objeto: checkText(input.description, 'description', 35),
    }),
    calendario: compact({
      dataInicial: checkDate(input.startDate, 'startDate'),
      dataFinal: input.endDate === undefined ? undefined : checkDate(input.endDate, 'endDate'),
      periodicidade: periodToWire(input.period),
    }),
    valor:
      input.amount === undefined && input.minimumAmount === undefined
        ? undefined
        : compact({
            valorRec: input.amount === undefined ? undefined : toValor(input.amount, 'amount'),
            valorMinimoRecebedor: input.minimumAmount === undefined ? undefined : toValor(input.minimumAmount, 'minimumAmount'),
          }),
    politicaRetentativa: retryPolicyToWire(input.retryPolicy),
    ativacao: input.journeyTxid === undefined ? undefined : { dadosJornada: { txid: checkTxid(input.journeyTxid) } },
  });
}

/** `RecGerada` / `RecCompleta` → our recurrence. */
export function fromRec(w: RecWire): Recurrence {
  const jornada = w.ativacao?.tipoJornada ?? w.ativacao?.dadosJornada?.tipoJornada;
  if (!w.idRec) throw new PixPspError('protocol', 'PSP response lacks rec.idRec');
  return compact({
    id: w.idRec,
    status: recurrenceStatus(member(REC_STATUSES, w.status, 'rec.status')),
    contract: w.vinculo?.contrato ?? '',
    description: w.vinculo?.objeto,
    debtor: fromDevedor(w.vinculo?.devedor) ?? {},
    startDate: w.calendario?.dataInicial,
    endDate: w.calendario?.dataFinal,
    period: periodFromWire(member(PERIODICIDADES, w.calendario?.periodicidade, 'rec.calendario.periodicidade')),
    amount: w.valor?.valorRec === undefined ? undefined : fromValor(w.valor.valorRec, 'rec.valor.valorRec'),
    minimumAmount:
      w.valor?.valorMinimoRecebedor === undefined ? undefined : fromValor(w.valor.valorMinimoRecebedor, 'rec.valor.valorMinimoRecebedor'),
    retryPolicy: retryPolicyFromWire(member(POLITICAS_RETENTATIVA, w.politicaRetentativa, 'rec.politicaRetentativa')),
    journey: jornada === undefined ? undefined : journeyFromWire(member(TIPOS_JORNADA, jornada, 'rec.ativacao.tipoJornada')),
    location: w.loc?.location,
    brcode: w.dadosQR?.pixCopiaECola,
    history: history(w.atualizacao, REC_STATUSES, recurrenceStatus, 'rec.atualizacao'),
  });
}

/** `PUT /cobr/{txid}` / `POST /cobr` body. */
export function toCobRSolicitada(input: CreateRecurringChargeInput): CobRSolicitadaWire {
  if (!/^[a-zA-Z0-9]{29}$/.test(input.recurrenceId)) {
    throw new PixPspError('invalid_request', 'recurrenceId must be 29 characters of [a-zA-Z0-9] (API Pix RecId)');
  }
  const a = input.receiverAccount;
  if (!/^\d{1,20}$/.test(a.account) || (a.branch !== undefined && !/^\d{1,4}$/.test(a.branch))) {
    throw new PixPspError('invalid_request', 'receiverAccount needs an account of ≤ 20 digits and a branch of ≤ 4 digits');
  }
  return compact({
    idRec: input.recurrenceId,
    infoAdicional: checkText(input.description, 'description', 140),
    calendario: { dataDeVencimento: checkDate(input.dueDate, 'dueDate') },
    valor: { original: toValor(input.amount, 'amount') },
    ajusteDiaUtil: input.adjustToBusinessDay ?? true,
    recebedor: compact({ agencia: a.branch, conta: a.account, tipoConta: accountTypeToWire(a.accountType) }),
  });
}

function attempts(w: CobRWire): RecurringChargeAttempt[] {
  return (w.tentativas ?? []).map((t) =>
    compact({
      type: attemptType(member(TIPOS_TENTATIVA, t.tipo, 'cobr.tentativas.tipo')),
      status: attemptStatus(member(STATUS_TENTATIVA, t.status, 'cobr.tentativas.status')),
      endToEndId: t.endToEndId,
      settlementDate: t.dataLiquidacao,
      rejectionCode: t.rejeicao?.codigo,
    }),
  );
}

/** `CobRGerada` / `CobRCompleta` → our recurring charge. */
export function fromCobR(w: CobRWire): RecurringCharge {
  if (!w.txid || !w.idRec) throw new PixPspError('protocol', 'PSP response lacks cobr.txid or cobr.idRec');
  const r = w.recebedor;
  return compact({
    txid: w.txid,
    recurrenceId: w.idRec,
    status: recurringChargeStatus(member(COBR_STATUSES, w.status, 'cobr.status')),
    amount: fromValor(w.valor?.original, 'cobr.valor.original'),
    dueDate: w.calendario?.dataDeVencimento,
    createdOn: w.calendario?.criacao?.slice(0, 10),
    adjustToBusinessDay: w.ajusteDiaUtil ?? true,
    retryPolicy:
      w.politicaRetentativa === undefined
        ? undefined
        : retryPolicyFromWire(member(POLITICAS_RETENTATIVA, w.politicaRetentativa, 'cobr.politicaRetentativa')),
    description: w.infoAdicional,
    receiverAccount:
      r?.conta === undefined || r.tipoConta === undefined
        ? undefined
        : compact({
            branch: r.agencia,
            account: r.conta,
            accountType: accountTypeFromWire(member(TIPOS_CONTA, r.tipoConta, 'cobr.recebedor.tipoConta')),
          }),
    attempts: attempts(w),
    history: history(w.atualizacao, COBR_STATUSES, recurringChargeStatus, 'cobr.atualizacao'),
  });
}
