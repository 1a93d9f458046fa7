/**
 * Exhaustive mappings between API Pix 2.9.0 enums and our domain unions. Each switch ends in a
 * `never` check, so a new member on either side fails the typecheck; a value the PSP sends that
 * the spec does not define fails at run time as a `protocol` error instead of being guessed.
 */
import {
  PixPspError,
  type AccountType,
  type AttemptStatus,
  type AttemptType,
  type ChargeStatus,
  type RecurrenceJourney,
  type RecurrencePeriod,
  type RecurrenceStatus,
  type RecurringChargeStatus,
  type RefundNature,
  type RefundStatus,
  type RetryPolicy,
} from '../../app/ports/pix-psp.js';
import type {
  CobRStatus,
  CobrancaStatus,
  DevolucaoNatureza,
  DevolucaoStatus,
  Periodicidade,
  PoliticaRetentativa,
  RecStatus,
  StatusTentativa,
  TipoConta,
  TipoJornada,
  TipoTentativa,
} from './wire.js';

function unreachable(value: never, what: string): never {
  throw new PixPspError('protocol', `unexpected ${what}: ${String(value)}`);
}

/** Narrows a wire string to one of `allowed`, or fails as a protocol error naming the field. */
export function member<T extends string>(allowed: readonly T[], value: unknown, field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new PixPspError('protocol', `PSP sent an unknown ${field}: ${JSON.stringify(value)}`);
}

// The spec's description text says REMOVIDO_…; the enum (used here) says REMOVIDA_… (PIX_SPEC §3.2).
export const COBRANCA_STATUSES: readonly CobrancaStatus[] = ['ATIVA', 'CONCLUIDA', 'REMOVIDA_PELO_USUARIO_RECEBEDOR', 'REMOVIDA_PELO_PSP'];
export function chargeStatus(s: CobrancaStatus): ChargeStatus {
  switch (s) {
    case 'ATIVA': return 'active';
    case 'CONCLUIDA': return 'completed';
    case 'REMOVIDA_PELO_USUARIO_RECEBEDOR': return 'removed_by_receiver';
    case 'REMOVIDA_PELO_PSP': return 'removed_by_psp';
    default: return unreachable(s, 'CobrancaStatus');
  }
}

export const DEVOLUCAO_STATUSES: readonly DevolucaoStatus[] = ['EM_PROCESSAMENTO', 'DEVOLVIDO', 'NAO_REALIZADO'];
export function refundStatus(s: DevolucaoStatus): RefundStatus {
  switch (s) {
    case 'EM_PROCESSAMENTO': return 'processing';
    case 'DEVOLVIDO': return 'returned';
    case 'NAO_REALIZADO': return 'failed';
    default: return unreachable(s, 'Devolucao.status');
  }
}

export const DEVOLUCAO_NATUREZAS: readonly DevolucaoNatureza[] = ['ORIGINAL', 'RETIRADA', 'MED_OPERACIONAL', 'MED_FRAUDE', 'MED_PIX_AUTOMATICO'];
export function refundNature(n: DevolucaoNatureza): RefundNature {
  switch (n) {
    case 'ORIGINAL': return 'original';
    case 'RETIRADA': return 'withdrawal';
    case 'MED_OPERACIONAL': return 'med_operational';
    case 'MED_FRAUDE': return 'med_fraud';
    case 'MED_PIX_AUTOMATICO': return 'med_automatic_pix';
    default: return unreachable(n, 'Devolucao.natureza');
  }
}

export const REC_STATUSES: readonly RecStatus[] = ['CRIADA', 'APROVADA', 'REJEITADA', 'EXPIRADA', 'CANCELADA'];
export function recurrenceStatus(s: RecStatus): RecurrenceStatus {
  switch (s) {
    case 'CRIADA': return 'created';
    case 'APROVADA': return 'approved';
    case 'REJEITADA': return 'rejected';
    case 'EXPIRADA': return 'expired';
    case 'CANCELADA': return 'cancelled';
    default: return unreachable(s, 'RecStatus');
  }
}

export const COBR_STATUSES: readonly CobRStatus[] = ['CRIADA', 'ATIVA', 'CONCLUIDA', 'EXPIRADA', 'REJEITADA', 'CANCELADA'];
export function recurringChargeStatus(s: CobRStatus): RecurringChargeStatus {
  switch (s) {
    case 'CRIADA': return 'created';
    case 'ATIVA': return 'active';
    case 'CONCLUIDA': return 'completed';
    case 'EXPIRADA': return 'expired';
    case 'REJEITADA': return 'rejected';
    case 'CANCELADA': return 'cancelled';
    default: return unreachable(s, 'CobRStatus');
  }
}

export const PERIODICIDADES: readonly Periodicidade[] = ['SEMANAL', 'MENSAL', 'TRIMESTRAL', 'SEMESTRAL', 'ANUAL'];
export function periodFromWire(p: Periodicidade): RecurrencePeriod {
  switch (p) {
    case 'SEMANAL': return 'weekly';
    case 'MENSAL': return 'monthly';
    case 'TRIMESTRAL': return 'quarterly';
    case 'SEMESTRAL': return 'semiannual';
    case 'ANUAL': return 'annual';
    default: return unreachable(p, 'periodicidade');
  }
}
export function periodToWire(p: RecurrencePeriod): Periodicidade {
  switch (p) {
    case 'weekly': return 'SEMANAL';
    case 'monthly': return 'MENSAL';
    case 'quarterly': return 'TRIMESTRAL';
    case 'semiannual': return 'SEMESTRAL';
    case 'annual': return 'ANUAL';
    default: return unreachable(p, 'period');
  }
}

export const POLITICAS_RETENTATIVA: readonly PoliticaRetentativa[] = ['NAO_PERMITE', 'PERMITE_3R_7D'];
export function retryPolicyFromWire(p: PoliticaRetentativa): RetryPolicy {
  switch (p) {
    case 'NAO_PERMITE': return 'no_retries';
    case 'PERMITE_3R_7D': return 'up_to_3_retries_in_7_days';
    default: return unreachable(p, 'politicaRetentativa');
  }
}
export function retryPolicyToWire(p: RetryPolicy): PoliticaRetentativa {
  switch (p) {
    case 'no_retries': return 'NAO_PERMITE';
    case 'up_to_3_retries_in_7_days': return 'PERMITE_3R_7D';
    default: return unreachable(p, 'retryPolicy');
  }
}

export const TIPOS_JORNADA: readonly TipoJornada[] = ['JORNADA_1', 'JORNADA_2', 'JORNADA_3', 'JORNADA_4', 'AGUARDANDO_DEFINICAO'];
export function journeyFromWire(j: TipoJornada): RecurrenceJourney {
  switch (j) {
    case 'JORNADA_1': return 'journey_1';
    case 'JORNADA_2': return 'journey_2';
    case 'JORNADA_3': return 'journey_3';
    case 'JORNADA_4': return 'journey_4';
    case 'AGUARDANDO_DEFINICAO': return 'awaiting_definition';
    default: return unreachable(j, 'tipoJornada');
  }
}

export const TIPOS_TENTATIVA: readonly TipoTentativa[] = ['AGND', 'NTAG', 'RIFL'];
export function attemptType(t: TipoTentativa): AttemptType {
  switch (t) {
    case 'AGND': return 'scheduled';
    case 'NTAG': return 'unscheduled';
    case 'RIFL': return 'retry';
    default: return unreachable(t, 'tentativa.tipo');
  }
}

export const STATUS_TENTATIVA: readonly StatusTentativa[] = ['SOLICITADA', 'AGENDADA', 'PAGA', 'CANCELADA', 'REJEITADA', 'EXPIRADA'];
export function attemptStatus(s: StatusTentativa): AttemptStatus {
  switch (s) {
    case 'SOLICITADA': return 'requested';
    case 'AGENDADA': return 'scheduled';
    case 'PAGA': return 'paid';
    case 'CANCELADA': return 'cancelled';
    case 'REJEITADA': return 'rejected';
    case 'EXPIRADA': return 'expired';
    default: return unreachable(s, 'tentativa.status');
  }
}

export const TIPOS_CONTA: readonly TipoConta[] = ['CORRENTE', 'POUPANCA', 'PAGAMENTO'];
export function accountTypeFromWire(t: TipoConta): AccountType {
  switch (t) {
    case 'CORRENTE': return 'checking';
    case 'POUPANCA': return 'savings';
    case 'PAGAMENTO': return 'payment';
    default: return unreachable(t, 'tipoConta');
  }
}
export function accountTypeToWire(t: AccountType): TipoConta {
  switch (t) {
    case 'checking': return 'CORRENTE';
    case 'savings': return 'POUPANCA';
    case 'payment': return 'PAGAMENTO';
    default: return unreachable(t, 'accountType');
  }
}
